package io.trunkline.gateway.account.web;

/**
 * The request did not present the credentials its handler requires: no bearer token, an
 * unknown or revoked API key, or not the admin token. Answered with the API's
 * {@code 401}.
 */
public final class Unauthenticated extends RuntimeException {

	Unauthenticated() {
		super("The request did not present the credentials its handler requires", null, false, false);
	}

}
