package io.trunkline.worker.voice;

/**
 * The voice infrastructure refused the call for a reason that retrying cannot change
 * (invalid argument, conflict).
 */
public class VoiceInfrastructureRejected extends RuntimeException {

	private final String code;

	public VoiceInfrastructureRejected(String code, String message) {
		super(code + ": " + message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
