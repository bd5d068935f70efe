package io.trunkline.gateway.trunk;

import java.net.http.HttpRequest;
import java.util.Random;
import java.util.UUID;

import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.ApiClient.Answer;
import io.trunkline.gateway.RunningGateway;
import io.trunkline.gateway.account.AccountRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.trunkline.gateway.ApiClient.TRUNKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random and hostile bodies thrown at the real create endpoint over HTTP:
 * none is answered with a 5xx, and only the accepted ones reach the provisioning pipeline
 * (a request row and an outbox event each).
 */
@RunningGateway
class CreateEndpointPropertyIntegrationTests {

	static final int BODIES = 1500;

	static final int RAW_PAYLOADS = 500;

	@Autowired
	AccountRegistry accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void neverAnswers5xxAndOnlyAcceptedBodiesReachThePipeline() {
		var key = this.accounts.open("hostile-" + UUID.randomUUID());
		ApiClient api = ApiClient.of(this.environment, key.token());
		HostileBodies bodies = new HostileBodies(new Random(20261126));
		int accepted = 0;

		for (int i = 0; i < BODIES; i++) {
			String body = bodies.body(0.3).toString();
			Answer answer = api.post(TRUNKS, body, "Prefer", "respond-async");
			assertThat(answer.status()).as("status for %s", body).isIn(202, 409, 422);
			if (answer.status() == 202) {
				accepted++;
			}
		}
		Random random = new Random(7);
		for (int i = 0; i < RAW_PAYLOADS; i++) {
			String payload = rawPayload(random);
			Answer answer = api.send(api.request(TRUNKS)
				.header("Content-Type", (i % 5 == 0) ? "text/plain" : "application/json")
				.header("Prefer", "respond-async")
				.POST(HttpRequest.BodyPublishers.ofString(payload))
				.build());
			assertThat(answer.status()).as("status for %s", payload).isBetween(400, 499);
		}

		assertThat(accepted).isPositive();
		assertThat(requestsOf(key.accountId())).isEqualTo(accepted);
	}

	private long requestsOf(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM provisioning_requests WHERE account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	/**
	 * Payloads that are not a JSON object at all, or not even JSON: truncated, binary,
	 * deeply nested, huge numbers.
	 */
	static String rawPayload(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> "{\"sip_trunk_type\": \"extension\", \"phone_number\": ";
			case 1 -> "[".repeat(2000) + "]".repeat(2000);
			case 2 -> "{\"a\":" + "{\"a\":".repeat(1500) + "1" + "}".repeat(1501);
			case 3 -> "{\"phone_number\": 1" + "0".repeat(5000) + "}";
			case 4 -> "\u0000\u0001binary\uFFFF";
			case 5 -> "{\"sip_trunk_type\": \"extension\",}";
			default -> randomText(random);
		};
	}

	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(200);
		for (int i = 0; i < length; i++) {
			text.append((char) (random.nextInt(0x2FFF) + 1));
		}
		return text.toString();
	}

}
