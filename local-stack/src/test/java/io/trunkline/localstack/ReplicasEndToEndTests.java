package io.trunkline.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.trunkline.localstack.StackClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway replicas and two workers in one consumer group: every create is answered,
 * by the replica that received it, whichever worker provisioned it.
 */
class ReplicasEndToEndTests {

	static final String API_KEY = "tk_test_replicas";

	static LocalStack stack;

	static String second;

	@BeforeAll
	static void startTwoOfEach() {
		stack = LocalStack.start(LocalStackOptions.forTests(API_KEY, Map.of("trunkline.reply.timeout", "20s")));
		second = LocalStack.baseUrl(stack.startGateway(0));
		stack.startWorker();
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void everyCreateIsAnsweredByTheReplicaThatReceivedIt() {
		StackClient client = new StackClient(stack, API_KEY);
		ExecutorService callers = Executors.newFixedThreadPool(8);
		List<CompletableFuture<Answer>> answers = new ArrayList<>();
		List<String> extensions = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			String extension = Integer.toString(5000 + i);
			String gateway = (i % 2 == 0) ? stack.baseUrl() : second;
			extensions.add(extension);
			answers.add(CompletableFuture.supplyAsync(
					() -> client.postTo(gateway, ProvisioningEndToEndTests.extensionTrunk(extension)), callers));
		}

		for (int i = 0; i < answers.size(); i++) {
			Answer answer = answers.get(i).join();
			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			assertThat(answer.json().get("data").get("phone_number").asString()).isEqualTo(extensions.get(i));
		}
		callers.shutdown();
		assertThat(stack.standIn().inboundTrunks()).hasSize(24);
		assertThat(stack.standIn().outboundTrunks()).hasSize(24);
	}

}
