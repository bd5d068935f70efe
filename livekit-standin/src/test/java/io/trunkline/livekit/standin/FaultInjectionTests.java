package io.trunkline.livekit.standin;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import livekit.LivekitSip.ListSIPOutboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.trunkline.livekit.standin.TrunkRoundTripTests.json;
import static io.trunkline.livekit.standin.TrunkRoundTripTests.twirpError;
import static io.trunkline.livekit.standin.Trunks.carrierTrunk;
import static io.trunkline.livekit.standin.Trunks.create;
import static io.trunkline.livekit.standin.Trunks.didTrunkWithIpAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Each test gets its own stand-in: a request held back by a delay must not reach the next
 * test.
 */
class FaultInjectionTests {

	/**
	 * Far longer than any client timeout here; {@code close()} cuts it short.
	 */
	private static final Duration LONG = Duration.ofMinutes(5);

	private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(300);

	private LiveKitStandIn standIn;

	private StandInClient client;

	@BeforeEach
	void start() {
		this.standIn = StandInClient.startStandIn();
		this.client = new StandInClient(this.standIn);
	}

	@AfterEach
	void stop() {
		this.standIn.close();
	}

	@Test
	void answersInjectedErrorsAsTwirpErrorsThenRecovers() throws IOException {
		this.standIn.faults().on("CreateSIPOutboundTrunk").respond(503, "unavailable", "service unavailable").times(3);

		HttpResponse<byte[]> first = createOutbound();
		createOutbound();
		createOutbound();
		HttpResponse<byte[]> fourth = createOutbound();

		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(json(first)).isEqualTo(twirpError("unavailable", "service unavailable"));
		assertThat(fourth.statusCode()).isEqualTo(200);
		assertThat(this.standIn.outboundTrunks()).hasSize(1);
		assertThat(this.standIn.calls("CreateSIPOutboundTrunk")).isEqualTo(4);
	}

	@Test
	void injectsFaultsBeforeAuthentication() throws IOException {
		this.standIn.faults().on("ListSIPOutboundTrunk").respond(429, "resource_exhausted", "slow down").times(1);

		HttpResponse<byte[]> response = this.client.send("ListSIPOutboundTrunk", StandInClient.PROTOBUF, new byte[0],
				"not-a-token", null);

		assertThat(response.statusCode()).isEqualTo(429);
	}

	@Test
	void appliesRulesInOrderAndOnlyToTheirMethod() throws IOException {
		this.standIn.faults().on("CreateSIPOutboundTrunk").respond(503, "unavailable", "down").times(1);
		this.standIn.faults().on("CreateSIPOutboundTrunk").respond(429, "resource_exhausted", "slow down").times(1);

		HttpResponse<byte[]> inbound = this.client.postProtobuf("CreateSIPInboundTrunk",
				create(didTrunkWithIpAuth("+15550100")));
		HttpResponse<byte[]> first = createOutbound();
		HttpResponse<byte[]> second = createOutbound();
		HttpResponse<byte[]> third = createOutbound();

		assertThat(inbound.statusCode()).isEqualTo(200);
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(second.statusCode()).isEqualTo(429);
		assertThat(third.statusCode()).isEqualTo(200);
	}

	@Test
	void keepsAnUnlimitedRuleUntilCleared() throws IOException {
		this.standIn.faults().on("CreateSIPOutboundTrunk").respond(500, "internal", "boom");

		HttpResponse<byte[]> first = createOutbound();
		HttpResponse<byte[]> second = createOutbound();
		this.standIn.faults().clear();
		HttpResponse<byte[]> afterClear = createOutbound();

		assertThat(first.statusCode()).isEqualTo(500);
		assertThat(second.statusCode()).isEqualTo(500);
		assertThat(afterClear.statusCode()).isEqualTo(200);
	}

	@Test
	void delaysTheAnswerPastAClientTimeoutThenAnswersNormally() throws IOException {
		this.standIn.faults().on("ListSIPOutboundTrunk").delay(LONG).times(1);

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> this.client
			.postProtobuf("ListSIPOutboundTrunk", ListSIPOutboundTrunkRequest.getDefaultInstance(), CLIENT_TIMEOUT));
		HttpResponse<byte[]> next = this.client.postProtobuf("ListSIPOutboundTrunk",
				ListSIPOutboundTrunkRequest.getDefaultInstance(), CLIENT_TIMEOUT);

		assertThat(next.statusCode()).isEqualTo(200);
	}

	@Test
	void delaysCreatesBeforePerformingThem() {
		this.standIn.faults().on("CreateSIPInboundTrunk").delay(LONG).times(1);

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> this.client
			.postProtobuf("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")), CLIENT_TIMEOUT));

		assertThat(this.standIn.inboundTrunks()).as("still waiting, nothing performed").isEmpty();
	}

	@Test
	void dropsTheConnectionWithoutPerforming() throws IOException {
		this.standIn.faults().on("CreateSIPOutboundTrunk").dropConnection().times(1);

		assertThatThrownBy(this::createOutbound).isInstanceOf(IOException.class)
			.isNotInstanceOf(HttpTimeoutException.class);
		assertThat(this.standIn.outboundTrunks()).isEmpty();
		HttpResponse<byte[]> retry = createOutbound();

		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(this.standIn.outboundTrunks()).hasSize(1);
	}

	@Test
	void dropsTheConnectionOnAReusedConnectionToo() throws IOException {
		HttpResponse<byte[]> warmUp = createOutbound();
		this.standIn.faults().on("CreateSIPOutboundTrunk").dropConnection().times(1);

		assertThatThrownBy(this::createOutbound).isInstanceOf(IOException.class);

		assertThat(warmUp.statusCode()).isEqualTo(200);
		assertThat(this.standIn.outboundTrunks()).as("a POST is not retried by the JDK client").hasSize(1);
	}

	@Test
	void performsTheRequestThenDropsTheResponse() throws IOException {
		this.standIn.faults().on("CreateSIPOutboundTrunk").performThenDropResponse().times(1);

		assertThatThrownBy(this::createOutbound).isInstanceOf(IOException.class)
			.isNotInstanceOf(HttpTimeoutException.class);

		assertThat(this.standIn.outboundTrunks()).flatExtracting(SIPOutboundTrunkInfo::getNumbersList)
			.containsExactly("+15550100");
	}

	@Test
	void losesTheResponseOfAnInboundCreateSoThatTheRetryConflicts() throws IOException {
		this.standIn.faults().on("CreateSIPInboundTrunk").performThenDropResponse().times(1);

		assertThatThrownBy(
				() -> this.client.postProtobuf("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100"))))
			.isInstanceOf(IOException.class);
		HttpResponse<byte[]> retry = this.client.postProtobuf("CreateSIPInboundTrunk",
				create(didTrunkWithIpAuth("+15550100")));

		assertThat(retry.statusCode()).isEqualTo(400);
		assertThat(json(retry).getFieldsOrThrow("msg").getStringValue()).startsWith("Conflicting inbound SIP Trunks");
		assertThat(this.standIn.inboundTrunks()).hasSize(1);
	}

	@Test
	void performsTheRequestThenDelaysTheAnswerPastAClientTimeout() {
		this.standIn.faults().on("CreateSIPInboundTrunk").delayAfterPerforming(LONG).times(1);

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> this.client
			.postProtobuf("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")), CLIENT_TIMEOUT));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.standIn.inboundTrunks()).extracting(SIPInboundTrunkInfo::getName)
				.containsExactly("acme support line"));
	}

	@Test
	void refusesMeaninglessRules() {
		Faults.Method create = this.standIn.faults().on("CreateSIPInboundTrunk");

		assertThatThrownBy(() -> create.delay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> create.dropConnection().times(0)).isInstanceOf(IllegalArgumentException.class);
	}

	private HttpResponse<byte[]> createOutbound() throws IOException {
		return this.client.postProtobuf("CreateSIPOutboundTrunk", create(carrierTrunk("+15550100")));
	}

}
