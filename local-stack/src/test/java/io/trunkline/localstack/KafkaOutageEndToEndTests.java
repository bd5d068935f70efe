package io.trunkline.localstack;

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

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kafka outage under load, end to end: while the broker is stopped the gateway stays
 * ready, serves reads and accepts every create into its outbox; creates keep coming while
 * the broker restarts; once it is back every accepted create is provisioned exactly once.
 */
class KafkaOutageEndToEndTests {

	static final String API_KEY = "tk_test_kafka_outage";

	static LocalStack stack;

	static StackClient client;

	static ExecutorService callers;

	@BeforeAll
	static void startStack() {
		stack = LocalStack.start(LocalStackOptions.forTests(API_KEY,
				Map.of("trunkline.reply.timeout", "20s", "trunkline.kafka.check-interval", "500ms")));
		client = new StackClient(stack, API_KEY);
		callers = Executors.newFixedThreadPool(8);
	}

	@AfterAll
	static void stopStack() {
		callers.shutdownNow();
		stack.close();
	}

	@Test
	void acceptsCreatesWhileTheBrokerIsAwayAndProvisionsEachExactlyOnceWhenItIsBack() {
		assertThat(client.post(ProvisioningEndToEndTests.extensionTrunk("6000")).status()).isEqualTo(201);

		stack.kafka().stopBroker();
		await().atMost(20, SECONDS).until(() -> "DOWN".equals(kafkaHealth()));
		List<CompletableFuture<Answer>> duringTheOutage = createConcurrently(6001, 20);

		for (CompletableFuture<Answer> create : duringTheOutage) {
			Answer answer = create.join();
			assertThat(answer.status()).as(answer.body()).isEqualTo(202);
			assertThat(client.get(answer.header("Location")).json().get("data").get("status").asString())
				.isEqualTo("pending");
		}
		assertThat(client.get(StackClient.TRUNKS).status()).isEqualTo(200);
		Answer readiness = client.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
		assertThat(client.getPlain(stack.baseUrl() + "/actuator/prometheus")).contains("trunkline_kafka_up{")
			.containsPattern("trunkline_kafka_up\\{[^}]*\\} 0\\.0");

		List<CompletableFuture<Answer>> whileItRestarts = createConcurrently(6021, 10);
		stack.kafka().restartBroker();

		List<Answer> accepted = new ArrayList<>();
		duringTheOutage.forEach((create) -> accepted.add(create.join()));
		for (CompletableFuture<Answer> create : whileItRestarts) {
			Answer answer = create.join();
			assertThat(answer.status()).as(answer.body()).isIn(201, 202);
			if (answer.status() == 202) {
				accepted.add(answer);
			}
		}
		for (Answer answer : accepted) {
			await().atMost(60, SECONDS)
				.until(() -> client.get(answer.header("Location")).json().get("data").get("status").asString(),
						"provisioned"::equals);
		}
		for (int number = 6000; number < 6031; number++) {
			String extension = Integer.toString(number);
			assertThat(inboundWithNumber(extension)).as(extension).hasSize(1);
			assertThat(outboundWithNumber(extension)).as(extension).hasSize(1);
		}
		JsonNode trunks = client.get(StackClient.TRUNKS).json().get("data");
		assertThat(trunks).hasSize(31);
		await().atMost(20, SECONDS).until(() -> "UP".equals(kafkaHealth()));
	}

	private static List<CompletableFuture<Answer>> createConcurrently(int firstExtension, int count) {
		List<CompletableFuture<Answer>> creates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String body = ProvisioningEndToEndTests.extensionTrunk(Integer.toString(firstExtension + i));
			creates.add(CompletableFuture.supplyAsync(() -> client.post(body), callers));
		}
		return creates;
	}

	private static String kafkaHealth() {
		return client.get("/actuator/health").json().get("components").get("kafka").get("status").asString();
	}

	private static List<SIPInboundTrunkInfo> inboundWithNumber(String number) {
		return stack.standIn().inboundTrunks().stream().filter((t) -> t.getNumbersList().contains(number)).toList();
	}

	private static List<SIPOutboundTrunkInfo> outboundWithNumber(String number) {
		return stack.standIn().outboundTrunks().stream().filter((t) -> t.getNumbersList().contains(number)).toList();
	}

}
