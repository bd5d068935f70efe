package io.trunkline.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.trunkline.localstack.StackClient.Answer;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers, and a LiveKit slower than a lease: every LiveKit call takes longer than
 * the workers' claims last unless renewed, and the stalled-request sweepers of both
 * workers look for expired claims all the time. A worker renews the claims it holds, so
 * no request is taken over while its worker is alive, and each ends as exactly one trunk
 * whose two LiveKit trunks exist.
 */
class SlowLiveKitEndToEndTests {

	static final String API_KEY = "tk_test_slow_livekit";

	static LocalStack stack;

	@BeforeAll
	static void startTwoWorkersAndASlowLiveKit() {
		stack = LocalStack.start(LocalStackOptions.forTests(API_KEY,
				Map.of("trunkline.reply.timeout", "30s", "trunkline.lease", "2s", "livekit.read-timeout", "10s",
						"trunkline.recovery.sweep-interval", "300ms", "trunkline.recovery.reconcile-interval", "1h")));
		stack.startWorker();
		stack.standIn().setLatency(Duration.ofMillis(2500));
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void noRequestIsTakenOverWhileItsWorkerWaitsForLiveKit() throws SQLException {
		StackClient client = new StackClient(stack, API_KEY);
		ExecutorService callers = Executors.newFixedThreadPool(6);
		List<String> extensions = new ArrayList<>();
		List<CompletableFuture<Answer>> answers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String extension = Integer.toString(6000 + i);
			extensions.add(extension);
			answers.add(CompletableFuture
				.supplyAsync(() -> client.post(ProvisioningEndToEndTests.extensionTrunk(extension)), callers));
		}

		for (int i = 0; i < answers.size(); i++) {
			Answer answer = answers.get(i).join();
			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			JsonNode trunk = answer.json().get("data");
			String extension = extensions.get(i);
			assertThat(stack.standIn().inboundTrunks()).filteredOn((t) -> t.getNumbersList().contains(extension))
				.singleElement()
				.extracting(SIPInboundTrunkInfo::getSipTrunkId)
				.isEqualTo(trunk.get("inbound_trunk_id").asString());
			assertThat(stack.standIn().outboundTrunks()).filteredOn((t) -> t.getNumbersList().contains(extension))
				.singleElement()
				.extracting(SIPOutboundTrunkInfo::getSipTrunkId)
				.isEqualTo(trunk.get("outbound_trunk_id").asString());
			assertThat(attemptsOf(trunk.get("id").asLong())).isEqualTo(1);
		}
		callers.shutdown();
	}

	static int attemptsOf(long trunkId) throws SQLException {
		try (Connection db = DriverManager.getConnection(stack.postgres().jdbcUrl() + "?currentSchema=trunkline",
				stack.postgres().username(), "");
				PreparedStatement query = db.prepareStatement(
						"SELECT r.attempts FROM provisioning_requests r JOIN sip_trunks t ON t.request_id = r.id "
								+ "WHERE t.id = ?")) {
			query.setLong(1, trunkId);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

}
