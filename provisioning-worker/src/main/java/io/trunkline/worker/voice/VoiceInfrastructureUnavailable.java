package io.trunkline.worker.voice;

/**
 * The voice infrastructure could not be reached or asked us to come back later: worth
 * retrying with back-off. When {@link #outcomeUnknown()} the call may have been performed
 * (a timeout or a lost response), so a create must look for what it may already have made
 * before it is tried again. The guards around every call add two of their own, which come
 * out of them without having reached it: {@link VoiceInfrastructureCircuitOpen} and
 * {@link VoiceInfrastructureBusy}.
 */
public class VoiceInfrastructureUnavailable extends RuntimeException {

	private final boolean outcomeUnknown;

	public VoiceInfrastructureUnavailable(String message, boolean outcomeUnknown) {
		super(message);
		this.outcomeUnknown = outcomeUnknown;
	}

	VoiceInfrastructureUnavailable(String message, boolean outcomeUnknown, Throwable cause) {
		super(message, cause);
		this.outcomeUnknown = outcomeUnknown;
	}

	public boolean outcomeUnknown() {
		return this.outcomeUnknown;
	}

}
