package io.trunkline.gateway.trunk.web;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.ApiClient.Answer;
import io.trunkline.gateway.RunningGateway;
import io.trunkline.gateway.account.AccountRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.trunkline.gateway.ApiClient.TRUNKS;
import static io.trunkline.gateway.trunk.web.TrunkFixtures.extensionTrunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica that already holds as many waiting creates as allowed answers the next one
 * {@code 202} at once: accepted and durable, never refused, and holding no connection.
 * The limit is 0 here, so every create finds it reached.
 */
@RunningGateway(properties = { "spring.config.name=gateway", "trunkline.reply.timeout=30s",
		"trunkline.reply.max-waiting=0", "trunkline.outbound-proxy.address=sip-proxy.trunkline.test:5060" })
class WaitingLimitIntegrationTests {

	@Autowired
	AccountRegistry accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	MeterRegistry meters;

	ApiClient api;

	@BeforeEach
	void openAccount() {
		this.api = ApiClient.forNewAccount(this.environment, this.accounts);
	}

	@Test
	void answersAcceptedAtOnceWhenTheReplicaHoldsAsManyWaitingCreatesAsAllowed() {
		double declinedBefore = declined();

		Answer answer = this.api.post(TRUNKS, extensionTrunk("4100"));

		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.header("Retry-After")).isEqualTo("1");
		assertThat(declined()).isEqualTo(declinedBefore + 1);
		assertThat(this.meters.get("trunkline.replies.waiting").gauge().value()).isZero();
		Answer status = this.api.get(answer.header("Location"));
		assertThat(status.json().get("data").get("status").asString()).isEqualTo("pending");
		String stored = this.jdbc
			.sql("SELECT status FROM provisioning_requests WHERE phone_number = '4100' "
					+ "AND account_id = (SELECT account_id FROM provisioning_requests WHERE id = ?)")
			.param(UUID.fromString(status.json().get("data").get("request_id").asString()))
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo("pending");
	}

	@Test
	void doesNotCountCreatesThatAskedToRespondAsync() {
		double declinedBefore = declined();

		Answer answer = this.api.post(TRUNKS, extensionTrunk("4101"), "Prefer", "respond-async");

		assertThat(answer.status()).isEqualTo(202);
		assertThat(declined()).isEqualTo(declinedBefore);
	}

	@Test
	void stillValidatesAndRefusesDuplicatesBeforeAnswering() {
		this.api.post(TRUNKS, extensionTrunk("4102"));

		assertThat(this.api.post(TRUNKS, extensionTrunk("4102")).status()).isEqualTo(409);
		assertThat(this.api.post(TRUNKS, "{\"sip_trunk_type\": \"extension\"}").status()).isEqualTo(422);
	}

	private double declined() {
		return this.meters.get("trunkline.replies.declined").tag("reason", "max_waiting").counter().count();
	}

}
