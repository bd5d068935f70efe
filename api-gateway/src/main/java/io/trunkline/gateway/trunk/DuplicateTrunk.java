package io.trunkline.gateway.trunk;

/**
 * The account already has a trunk, or a create in flight, with the same phone number,
 * username and address.
 */
public class DuplicateTrunk extends RuntimeException {

	public DuplicateTrunk() {
		super("A SIP trunk with the same phone number, username, and address already exists.");
	}

}
