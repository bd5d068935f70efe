/**
 * The provisioning-worker service: turns pending create requests into LiveKit trunks.
 */
package io.trunkline.worker;
