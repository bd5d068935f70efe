package io.trunkline.worker.provisioning;

/**
 * Another attempt took the request over (the lease was found lost): this attempt's work
 * stops.
 */
final class ClaimLost extends RuntimeException {

	ClaimLost() {
		super("Another attempt took the request over", null, false, false);
	}

}
