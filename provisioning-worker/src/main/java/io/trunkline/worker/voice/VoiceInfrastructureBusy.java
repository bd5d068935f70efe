package io.trunkline.worker.voice;

/**
 * This worker already had as many calls to the voice infrastructure in flight as it lets
 * run at once, and this one waited for its turn for longer than it may. Nothing was
 * performed. Thrown by {@link ResilientCalls} once the call's retries are over, never
 * into them.
 */
public class VoiceInfrastructureBusy extends VoiceInfrastructureUnavailable {

	VoiceInfrastructureBusy(String message, Throwable cause) {
		super(message, false, cause);
	}

}
