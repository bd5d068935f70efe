package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.util.stream.Stream;

import io.trunkline.worker.voice.ResilientCallsFixture;
import io.trunkline.worker.voice.VoiceInfrastructureMisconfigured;
import io.trunkline.worker.voice.VoiceInfrastructureRejected;
import io.trunkline.worker.voice.VoiceInfrastructureUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What went wrong becomes the reason a request is failed with, in one place; what is not
 * the voice infrastructure's fails no request.
 */
class AttemptFailureTests {

	static Stream<Arguments> voiceInfrastructureFailures() {
		return Stream.of(
				arguments(new VoiceInfrastructureRejected("invalid_argument", "address refused"),
						"voice_infrastructure_rejected"),
				arguments(new VoiceInfrastructureMisconfigured("permissions denied"),
						"voice_infrastructure_misconfigured"),
				arguments(ResilientCallsFixture.circuitOpen(), "voice_infrastructure_circuit_open"),
				arguments(ResilientCallsFixture.bulkheadFull(), "voice_infrastructure_busy"),
				arguments(new TrunkMapping.OutboundProxyUnavailable(), "outbound_proxy_unavailable"),
				arguments(new VoiceInfrastructureUnavailable("timed out", true), "voice_infrastructure_unavailable"));
	}

	@ParameterizedTest
	@MethodSource("voiceInfrastructureFailures")
	void failsTheRequestWithTheReasonOfEachVoiceInfrastructureFailure(RuntimeException failure, String reason) {
		assertThat(AttemptFailure.of(failure)).hasValueSatisfying((why) -> {
			assertThat(why.reason()).isEqualTo(reason);
			assertThat(why.detail()).isEqualTo(failure.getMessage());
		});
		assertThat(AttemptFailure.isVoiceInfrastructures(failure)).isTrue();
	}

	@Test
	void keepsTheCodeLiveKitRejectedTheCallWith() {
		AttemptFailure why = AttemptFailure.of(new VoiceInfrastructureRejected("invalid_argument", "address refused"))
			.orElseThrow();

		assertThat(why.code()).isEqualTo("invalid_argument");
		assertThat(why.detail()).isEqualTo("invalid_argument: address refused");
	}

	@Test
	void failsNoRequestForWhatIsNotTheVoiceInfrastructures() {
		RuntimeException bug = new IllegalStateException("a bug");

		assertThat(AttemptFailure.of(bug)).isEmpty();
		assertThat(AttemptFailure.of(new ClaimLost())).isEmpty();
		assertThat(AttemptFailure.isVoiceInfrastructures(bug)).isFalse();
	}

	@Test
	void tellsWhichBoundAClaimWentPast() {
		ProvisioningSettings settings = Worker.settings(Duration.ofMinutes(1), 3, Duration.ofMinutes(30));

		AttemptFailure exhausted = AttemptFailure.pastBounds(pastBounds("attempts_exhausted"), settings);
		AttemptFailure expired = AttemptFailure.pastBounds(pastBounds("expired"), settings);

		assertThat(exhausted).isEqualTo(new AttemptFailure("attempts_exhausted", null,
				"more than 3 attempts since it was requested or replayed"));
		assertThat(expired).isEqualTo(new AttemptFailure("expired", null,
				"pending for longer than PT30M since it was requested or replayed"));
	}

	private static TrunkRequest pastBounds(String giveUpReason) {
		TrunkRequest request = TrunkMappingTests.extension("1000", "+e164");
		return new TrunkRequest(request.id(), request.accountId(), request.trunk(), request.sipPassword(), 4,
				giveUpReason);
	}

}
