package io.trunkline.worker.voice.livekit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trunkline.livekit.standin.LiveKitStandIn;
import io.trunkline.worker.voice.ExistingTrunk;
import io.trunkline.worker.voice.InboundTrunk;
import io.trunkline.worker.voice.OutboundTrunk;
import io.trunkline.worker.voice.VoiceInfrastructureMisconfigured;
import io.trunkline.worker.voice.VoiceInfrastructureRejected;
import io.trunkline.worker.voice.VoiceInfrastructureUnavailable;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LiveKit client against the protocol-faithful stand-in over real HTTP: what it
 * sends, and how every kind of failure is classified (retryable, permanent,
 * misconfigured, outcome unknown).
 */
class LiveKitSipClientTests {

	static LiveKitStandIn standIn;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	LiveKitSipClient client;

	@BeforeAll
	static void startStandIn() {
		standIn = LiveKitStandIn.start(0, "worker-key", "worker-secret-worker-secret-0123");
	}

	@AfterAll
	static void stopStandIn() {
		standIn.close();
	}

	@BeforeEach
	void freshStandIn() {
		standIn.reset();
		this.client = client("worker-secret-worker-secret-0123");
	}

	@Test
	void createsFindsAndDeletesTrunks() {
		String inbound = this.client.createInboundTrunk(inbound("+14155550100"));
		String outbound = this.client.createOutboundTrunk(outbound("14155550100"));

		List<ExistingTrunk> foundInbound = this.client.findInboundTrunks("+14155550100");
		List<ExistingTrunk> foundOutbound = this.client.findOutboundTrunks("14155550100");
		SIPOutboundTrunkInfo stored = standIn.outboundTrunks().get(0);

		assertThat(foundInbound).extracting(ExistingTrunk::id).containsExactly(inbound);
		assertThat(foundInbound.get(0).metadata()).isEqualTo("{\"marker\":1}");
		assertThat(foundOutbound).extracting(ExistingTrunk::id).containsExactly(outbound);
		assertThat(stored.getAddress()).isEqualTo("sip.provider.com");
		assertThat(stored.getDestinationCountry()).isEqualTo("US");
		assertThat(stored.getHeadersMap()).containsEntry("X-Trunkline-Upstream", "upstream.example");
		assertThat(this.client.listTrunks()).hasSize(2);
		this.client.deleteTrunk(inbound);
		this.client.deleteTrunk(outbound);
		this.client.deleteTrunk(outbound);
		assertThat(standIn.inboundTrunks()).isEmpty();
		assertThat(standIn.outboundTrunks()).isEmpty();
	}

	@Test
	void treatsUnavailableAsRetryable() {
		standIn.faults().on("CreateSIPInboundTrunk").respond(503, "unavailable", "busy").times(1);

		assertThatThrownBy(() -> this.client.createInboundTrunk(inbound("1000")))
			.isInstanceOf(VoiceInfrastructureUnavailable.class);
	}

	@Test
	void treatsRateLimitingAsRetryableWithAKnownOutcome() {
		standIn.faults().on("CreateSIPInboundTrunk").respond(429, "resource_exhausted", "slow down").times(1);

		assertThatThrownBy(() -> this.client.createInboundTrunk(inbound("1000"))).isInstanceOfSatisfying(
				VoiceInfrastructureUnavailable.class, (ex) -> assertThat(ex.outcomeUnknown()).isFalse());
	}

	@Test
	void treatsAnInvalidArgumentAsPermanent() {
		this.client.createInboundTrunk(inbound("1000"));

		assertThatThrownBy(() -> this.client.createInboundTrunk(inbound("1000"))).isInstanceOfSatisfying(
				VoiceInfrastructureRejected.class, (ex) -> assertThat(ex.code()).isEqualTo("invalid_argument"));
	}

	@Test
	void keepsLiveKitsCodeAndABoundedMessageWithoutThePassword() {
		standIn.faults()
			.on("CreateSIPInboundTrunk")
			.respond(400, "invalid_argument", "password s3cret refused\n" + "x".repeat(1000))
			.times(1);

		assertThatThrownBy(() -> this.client.createInboundTrunk(inbound("1000")))
			.isInstanceOfSatisfying(VoiceInfrastructureRejected.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("invalid_argument");
				assertThat(ex.getMessage()).startsWith("invalid_argument: password (redacted) refused x")
					.hasSize("invalid_argument: ".length() + LiveKitSipClient.MESSAGE_LIMIT)
					.doesNotContain("s3cret")
					.doesNotContain("\n");
			});
	}

	@Test
	void treatsRefusedCredentialsAsAConfigurationFault() {
		LiveKitSipClient wrongSecret = client("not-the-secret-not-the-secret-00");

		assertThatThrownBy(() -> wrongSecret.createInboundTrunk(inbound("1000")))
			.isInstanceOf(VoiceInfrastructureMisconfigured.class);
	}

	@Test
	void treatsPermissionDeniedAsAConfigurationFault() {
		standIn.faults().on("CreateSIPInboundTrunk").respond(403, "permission_denied", "no").times(1);

		assertThatThrownBy(() -> this.client.createInboundTrunk(inbound("1000")))
			.isInstanceOf(VoiceInfrastructureMisconfigured.class);
	}

	@Test
	void knowsTheOutcomeOfADroppedConnectionIsUnknown() {
		standIn.faults().on("CreateSIPOutboundTrunk").performThenDropResponse().times(1);

		assertThatThrownBy(() -> this.client.createOutboundTrunk(outbound("1000"))).isInstanceOfSatisfying(
				VoiceInfrastructureUnavailable.class, (ex) -> assertThat(ex.outcomeUnknown()).isTrue());
		assertThat(standIn.outboundTrunks()).hasSize(1);
	}

	@Test
	void knowsTheOutcomeOfATimeoutIsUnknown() {
		standIn.faults().on("CreateSIPOutboundTrunk").delayAfterPerforming(Duration.ofSeconds(2)).times(1);

		assertThatThrownBy(() -> this.client.createOutboundTrunk(outbound("1000"))).isInstanceOfSatisfying(
				VoiceInfrastructureUnavailable.class, (ex) -> assertThat(ex.outcomeUnknown()).isTrue());
	}

	@Test
	void countsCallsByMethodAndCode() {
		standIn.faults().on("CreateSIPInboundTrunk").respond(503, "unavailable", "busy").times(1);
		assertThatThrownBy(() -> this.client.createInboundTrunk(inbound("1000")));
		this.client.createInboundTrunk(inbound("1000"));

		assertThat(this.meters.get("trunkline.livekit.call.duration")
			.tags("method", "CreateSIPInboundTrunk", "code", "unavailable")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("trunkline.livekit.call.duration")
			.tags("method", "CreateSIPInboundTrunk", "code", "ok")
			.timer()
			.count()).isEqualTo(1);
	}

	LiveKitSipClient client(String secret) {
		return new LiveKitSipClient(new LiveKitSettings(standIn.url(), "worker-key", secret, Duration.ofSeconds(1),
				Duration.ofMillis(800), Duration.ofMinutes(10), false), this.meters);
	}

	static InboundTrunk inbound(String number) {
		return new InboundTrunk("test", "{\"marker\":1}", List.of(number), List.of(), "user", "s3cret");
	}

	static OutboundTrunk outbound(String number) {
		return new OutboundTrunk("test", "{\"marker\":1}", "sip.provider.com", List.of(number), "user", "s3cret", "US",
				Map.of("X-Trunkline-Upstream", "upstream.example"));
	}

}
