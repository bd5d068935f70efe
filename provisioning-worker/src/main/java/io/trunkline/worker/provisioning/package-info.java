/**
 * Provisioning a pending request: claim it, create both LiveKit trunks without ever
 * leaving a second copy, compensate on failure, commit the outcome and publish it.
 */
package io.trunkline.worker.provisioning;
