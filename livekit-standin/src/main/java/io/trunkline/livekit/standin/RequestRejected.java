package io.trunkline.livekit.standin;

/**
 * Thrown by an RPC that refuses a request; carries the Twirp error the caller receives.
 */
final class RequestRejected extends RuntimeException {

	private final transient TwirpError error;

	RequestRejected(TwirpCode code, String msg) {
		super(code.wireName() + ": " + msg, null, false, false);
		this.error = TwirpError.of(code, msg);
	}

	TwirpError error() {
		return this.error;
	}

}
