package io.trunkline.gateway.trunk;

/**
 * The phone number or extension belongs to another live trunk of the installation (of
 * this account with other credentials, or of another account): LiveKit routes a called
 * number to one inbound trunk only. The message never says which account holds it.
 */
public class PhoneNumberInUse extends RuntimeException {

	public PhoneNumberInUse() {
		super("This phone number is already in use by another SIP trunk.");
	}

}
