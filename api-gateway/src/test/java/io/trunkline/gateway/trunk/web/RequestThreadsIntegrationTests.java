package io.trunkline.gateway.trunk.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.ApiClient.Answer;
import io.trunkline.gateway.RunningGateway;
import io.trunkline.gateway.account.AccountRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static io.trunkline.gateway.ApiClient.TRUNKS;
import static io.trunkline.gateway.trunk.web.TrunkFixtures.extensionTrunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway runs few request threads (8 by default) because a create waiting for its
 * outcome holds none of them. With two threads here, three times as many creates wait at
 * once, and the API still answers meanwhile.
 */
@RunningGateway(
		properties = { "spring.config.name=gateway", "trunkline.reply.timeout=5s", "server.tomcat.threads.max=2",
				"server.tomcat.threads.min-spare=2", "trunkline.outbound-proxy.address=sip-proxy.trunkline.test:5060" })
class RequestThreadsIntegrationTests {

	private static final int CREATES = 6;

	@Autowired
	AccountRegistry accounts;

	@Autowired
	Environment environment;

	@Autowired
	MeterRegistry meters;

	@Test
	void moreCreatesWaitForTheirOutcomeThanThereAreRequestThreads() throws Exception {
		ApiClient api = ApiClient.forNewAccount(this.environment, this.accounts);
		ExecutorService clients = Executors.newFixedThreadPool(CREATES);
		try {
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < CREATES; i++) {
				String extension = "420" + i;
				answers.add(clients.submit(() -> api.post(TRUNKS, extensionTrunk(extension))));
			}

			await().atMost(Duration.ofSeconds(4)).untilAsserted(() -> assertThat(waiting()).isEqualTo(CREATES));
			assertThat(requestThreads()).isLessThanOrEqualTo(2);
			assertThat(api.get(TRUNKS).status()).isEqualTo(200);

			// No worker runs here: every wait ends in 202, the documented answer.
			for (Future<Answer> answer : answers) {
				assertThat(answer.get().status()).isEqualTo(202);
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	private double waiting() {
		return this.meters.get("trunkline.replies.waiting").gauge().value();
	}

	/**
	 * @return the live request threads of this gateway's connector (Tomcat names them
	 * after the port)
	 */
	private long requestThreads() {
		String prefix = "http-nio-" + this.environment.getProperty("local.server.port") + "-exec-";
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(prefix))
			.count();
	}

}
