package io.trunkline.gateway.trunk;

/**
 * No trunk (or request) with that id belongs to the caller's account. Deliberately silent
 * about whether it exists in another account.
 */
public class TrunkNotFound extends RuntimeException {

	public TrunkNotFound() {
		super("SIP trunk not found.");
	}

}
