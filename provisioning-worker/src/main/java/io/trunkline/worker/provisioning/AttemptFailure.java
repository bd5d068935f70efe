package io.trunkline.worker.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.trunkline.schema.secret.SecretCipher.UndecryptableSecret;
import io.trunkline.worker.provisioning.TrunkMapping.OutboundProxyUnavailable;
import io.trunkline.worker.voice.VoiceInfrastructureBusy;
import io.trunkline.worker.voice.VoiceInfrastructureCircuitOpen;
import io.trunkline.worker.voice.VoiceInfrastructureMisconfigured;
import io.trunkline.worker.voice.VoiceInfrastructureRejected;
import io.trunkline.worker.voice.VoiceInfrastructureUnavailable;

/**
 * Why an attempt fails its request: the one place where what went wrong becomes the
 * reason the request is failed with.
 *
 * @param reason the failure reason, in the outcome and the attempt history
 * @param code the voice infrastructure's error code, or {@code null}
 * @param detail what went wrong, for the attempt history, or {@code null}
 */
record AttemptFailure(String reason, String code, String detail) {

	/**
	 * The reason for each failure the voice infrastructure (or the installation) causes,
	 * the first that matches: the breaker's and the bulkhead's facts are also
	 * {@link VoiceInfrastructureUnavailable}, so they come before it.
	 */
	private static final List<Map.Entry<Class<? extends RuntimeException>, String>> REASONS = List.of(
			Map.entry(VoiceInfrastructureRejected.class, "voice_infrastructure_rejected"),
			Map.entry(VoiceInfrastructureMisconfigured.class, "voice_infrastructure_misconfigured"),
			Map.entry(VoiceInfrastructureCircuitOpen.class, "voice_infrastructure_circuit_open"),
			Map.entry(VoiceInfrastructureBusy.class, "voice_infrastructure_busy"),
			Map.entry(OutboundProxyUnavailable.class, "outbound_proxy_unavailable"),
			Map.entry(VoiceInfrastructureUnavailable.class, "voice_infrastructure_unavailable"));

	/**
	 * @param failure what failed an attempt's create
	 * @return the request's failure when the voice infrastructure (or the installation's
	 * lack of an outbound proxy) caused it; empty for anything else (a bug, the
	 * database), which is rethrown instead, so that the next attempt finds the trunks
	 */
	static Optional<AttemptFailure> of(RuntimeException failure) {
		String reason = reason(failure);
		if (reason == null) {
			return Optional.empty();
		}
		String code = (failure instanceof VoiceInfrastructureRejected rejected) ? rejected.code() : null;
		return Optional.of(new AttemptFailure(reason, code, failure.getMessage()));
	}

	/**
	 * @return whether the voice infrastructure (or the missing outbound proxy) caused the
	 * failure, so that it fails the request
	 */
	static boolean isVoiceInfrastructures(RuntimeException failure) {
		return reason(failure) != null;
	}

	/**
	 * @param request a claim past the request's bounds on attempts or age
	 * @return why it gives the request up
	 */
	static AttemptFailure pastBounds(TrunkRequest request, ProvisioningSettings settings) {
		String detail = "attempts_exhausted".equals(request.giveUpReason())
				? "more than " + settings.maxAttempts() + " attempts since it was requested or replayed"
				: "pending for longer than " + settings.maxAge() + " since it was requested or replayed";
		return new AttemptFailure(request.giveUpReason(), null, detail);
	}

	/**
	 * @param ex why the request's SIP password cannot be decrypted
	 * @return why the attempt fails the request without creating anything
	 */
	static AttemptFailure undecryptable(UndecryptableSecret ex) {
		return new AttemptFailure("secret_undecryptable", null, ex.getMessage());
	}

	private static String reason(RuntimeException failure) {
		return REASONS.stream()
			.filter((reason) -> reason.getKey().isInstance(failure))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
