package io.trunkline.worker.voice;

/**
 * The voice infrastructure could not be reached or asked us to come back later: worth
 * retrying with back-off. When {@link #outcomeUnknown()} the call may have been performed
 * (a timeout or a lost response), so a create must look for what it may already have made
 * before it is tried again.
 */
public class VoiceInfrastructureUnavailable extends RuntimeException {

	private final boolean outcomeUnknown;

	public VoiceInfrastructureUnavailable(String message, boolean outcomeUnknown) {
		super(message);
		this.outcomeUnknown = outcomeUnknown;
	}

	public boolean outcomeUnknown() {
		return this.outcomeUnknown;
	}

}
