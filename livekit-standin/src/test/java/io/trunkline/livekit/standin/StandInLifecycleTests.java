package io.trunkline.livekit.standin;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import org.junit.jupiter.api.Test;

import static io.trunkline.livekit.standin.Trunks.carrierTrunk;
import static io.trunkline.livekit.standin.Trunks.create;
import static io.trunkline.livekit.standin.Trunks.didTrunkWithIpAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StandInLifecycleTests {

	@Test
	void listensOnLoopbackAtAFreePort() {
		try (LiveKitStandIn standIn = StandInClient.startStandIn()) {
			assertThat(standIn.url()).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
		}
	}

	@Test
	void countsTheRequestsThatReachEachMethod() throws IOException {
		try (LiveKitStandIn standIn = StandInClient.startStandIn()) {
			StandInClient client = new StandInClient(standIn);
			standIn.faults().on("CreateSIPInboundTrunk").respond(503, "unavailable", "down").times(1);

			client.postProtobuf("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")));
			client.postProtobuf("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")));
			client.send("ListSIPInboundTrunk", StandInClient.PROTOBUF, new byte[0], null, null);

			assertThat(standIn.calls("CreateSIPInboundTrunk")).isEqualTo(2);
			assertThat(standIn.calls("ListSIPInboundTrunk")).as("refused ones count too").isEqualTo(1);
			assertThat(standIn.calls("DeleteSIPTrunk")).isZero();
		}
	}

	@Test
	void resetForgetsTrunksFaultsAndCounts() throws IOException {
		try (LiveKitStandIn standIn = StandInClient.startStandIn()) {
			StandInClient client = new StandInClient(standIn);
			client.postProtobuf("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")));
			client.postProtobuf("CreateSIPOutboundTrunk", create(carrierTrunk("+15550100")));
			standIn.faults().on("CreateSIPInboundTrunk").respond(503, "unavailable", "down");

			standIn.reset();

			assertThat(standIn.inboundTrunks()).isEmpty();
			assertThat(standIn.outboundTrunks()).isEmpty();
			assertThat(standIn.calls("CreateSIPInboundTrunk")).isZero();
			HttpResponse<byte[]> again = client.postProtobuf("CreateSIPInboundTrunk",
					create(didTrunkWithIpAuth("+15550100")));
			assertThat(again.statusCode()).as("no fault, no conflict").isEqualTo(200);
		}
	}

	@Test
	void addsLatencyToEveryCall() throws IOException {
		try (LiveKitStandIn standIn = StandInClient.startStandIn()) {
			StandInClient client = new StandInClient(standIn);
			standIn.setLatency(Duration.ofMinutes(5));

			assertThatExceptionOfType(HttpTimeoutException.class)
				.isThrownBy(() -> client.postProtobuf("ListSIPInboundTrunk",
						ListSIPInboundTrunkRequest.getDefaultInstance(), Duration.ofMillis(300)));
			standIn.setLatency(Duration.ZERO);

			assertThat(client.postProtobuf("ListSIPInboundTrunk", ListSIPInboundTrunkRequest.getDefaultInstance())
				.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void closesPromptlyAndEndsRequestsHeldByADelay() throws Exception {
		LiveKitStandIn standIn = StandInClient.startStandIn();
		StandInClient client = new StandInClient(standIn);
		standIn.faults().on("ListSIPInboundTrunk").delay(Duration.ofMinutes(5));
		CompletableFuture<HttpResponse<byte[]>> held = client.http()
			.sendAsync(client.request("/twirp/livekit.SIP/ListSIPInboundTrunk")
				.header("Content-Type", StandInClient.PROTOBUF)
				.POST(BodyPublishers.noBody())
				.build(), BodyHandlers.ofByteArray());
		await().until(() -> standIn.calls("ListSIPInboundTrunk") == 1);

		standIn.close();

		assertThatThrownBy(() -> held.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(IOException.class);
	}

	@Test
	void resetAbandonsRequestsHeldByADelaySoTheyCannotLandLater() throws Exception {
		try (LiveKitStandIn standIn = StandInClient.startStandIn()) {
			StandInClient client = new StandInClient(standIn);
			standIn.faults().on("CreateSIPInboundTrunk").delay(Duration.ofMinutes(5));
			CompletableFuture<HttpResponse<byte[]>> held = client.http()
				.sendAsync(client.request("/twirp/livekit.SIP/CreateSIPInboundTrunk")
					.header("Content-Type", StandInClient.PROTOBUF)
					.header("Authorization", "Bearer " + StandInClient.adminToken())
					.POST(BodyPublishers.ofByteArray(create(didTrunkWithIpAuth("+15550100")).toByteArray()))
					.build(), BodyHandlers.ofByteArray());
			await().until(() -> standIn.calls("CreateSIPInboundTrunk") == 1);

			standIn.reset();

			assertThatThrownBy(() -> held.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(IOException.class);
			assertThat(standIn.inboundTrunks()).isEmpty();
			assertThat(
					client.postProtobuf("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100"))).statusCode())
				.isEqualTo(200);
		}
	}

	@Test
	void refusesABlankKeyOrSecret() {
		assertThatThrownBy(() -> LiveKitStandIn.start(0, " ", "secret")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> LiveKitStandIn.start(0, "key", null)).isInstanceOf(IllegalArgumentException.class);
	}

}
