/**
 * What puts things right after crashes: the sweeper that drives stalled requests again
 * and the reconciler that removes orphaned LiveKit trunks.
 */
package io.trunkline.worker.recovery;
