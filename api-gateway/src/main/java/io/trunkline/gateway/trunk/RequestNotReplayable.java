package io.trunkline.gateway.trunk;

/**
 * An operator asked to replay a request that cannot be: it did not fail, or its phone
 * number is taken by a live trunk or request since.
 */
public class RequestNotReplayable extends RuntimeException {

	public RequestNotReplayable(String message) {
		super(message);
	}

}
