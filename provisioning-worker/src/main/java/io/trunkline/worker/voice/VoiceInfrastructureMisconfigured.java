package io.trunkline.worker.voice;

/**
 * The voice infrastructure refused our credentials (401/403): an operator must fix the
 * configuration; retrying cannot help.
 */
public class VoiceInfrastructureMisconfigured extends RuntimeException {

	public VoiceInfrastructureMisconfigured(String message) {
		super(message);
	}

}
