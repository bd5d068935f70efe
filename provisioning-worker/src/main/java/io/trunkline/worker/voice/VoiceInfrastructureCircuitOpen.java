package io.trunkline.worker.voice;

/**
 * The circuit breaker guarding the voice infrastructure is open: after too many of its
 * calls failed it lets none through for a while, so this one failed at once, without
 * reaching it. Nothing was performed. Thrown by {@link ResilientCalls} once the call's
 * retries are over, never into them.
 */
public class VoiceInfrastructureCircuitOpen extends VoiceInfrastructureUnavailable {

	VoiceInfrastructureCircuitOpen(String message, Throwable cause) {
		super(message, false, cause);
	}

}
