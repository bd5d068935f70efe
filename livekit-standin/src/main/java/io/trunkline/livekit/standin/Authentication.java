package io.trunkline.livekit.standin;

/**
 * What LiveKit's API-key middleware concluded about a request, before any Twirp routing.
 */
sealed interface Authentication {

	/**
	 * @return whether the caller holds the {@code "sip": {"admin": true}} grant that
	 * trunk CRUD needs
	 */
	boolean sipAdmin();

	/**
	 * No token at all: the request goes on, and methods that need a grant answer
	 * {@code unauthenticated: permissions denied}.
	 */
	record Anonymous() implements Authentication {

		@Override
		public boolean sipAdmin() {
			return false;
		}

	}

	/**
	 * A token signed with the API secret, still valid.
	 *
	 * @param sipAdmin whether it carries the SIP admin grant
	 */
	record Verified(boolean sipAdmin) implements Authentication {

	}

	/**
	 * A token that is malformed, for another key, badly signed or expired: answered at
	 * once with a plain-text {@code 401}.
	 *
	 * @param message the text LiveKit answers with
	 */
	record Refused(String message) implements Authentication {

		@Override
		public boolean sipAdmin() {
			return false;
		}

	}

}
