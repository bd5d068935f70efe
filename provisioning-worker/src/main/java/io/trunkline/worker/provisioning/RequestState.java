package io.trunkline.worker.provisioning;

/**
 * Where a request stands when a worker fails to claim it.
 */
enum RequestState {

	/** Another worker holds an unexpired claim. */
	CLAIMED_ELSEWHERE,
	/** It already ended, provisioned or failed. */
	COMPLETED,
	/** No such request. */
	MISSING

}
