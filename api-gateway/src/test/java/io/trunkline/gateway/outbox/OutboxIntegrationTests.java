package io.trunkline.gateway.outbox;

import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.ApiClient.Answer;
import io.trunkline.gateway.RunningGateway;
import io.trunkline.gateway.account.AccountRegistry;
import io.trunkline.schema.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.trunkline.gateway.ApiClient.TRUNKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a create leaves in the outbox, read with the relay stopped: exactly one event with
 * the request, none for a refused duplicate.
 */
@RunningGateway
class OutboxIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountRegistry accounts;

	@Autowired
	Environment environment;

	@Autowired
	MeterRegistry meters;

	String key = "outbox-test-" + UUID.randomUUID();

	@BeforeEach
	void stopTheRelay() {
		this.relay.stop();
	}

	@AfterEach
	void restartTheRelay() {
		this.jdbc.sql("DELETE FROM outbox_events WHERE event_key = ?").param(this.key).update();
		this.relay.start();
	}

	@Test
	void reportsNoLagWhenTheOutboxIsEmpty() {
		// Its normal state: the oldest event's age must read 0, not fail the gauge (NaN).
		this.jdbc.sql("DELETE FROM outbox_events").update();

		assertThat(gauge("trunkline.outbox.lag.seconds")).isZero();
		assertThat(gauge("trunkline.outbox.pending")).isZero();
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	@Test
	void appendsOneEventPerRowTheChangeReturnsAndNoneWhenItReturnsNone() {
		int appended = this.outbox.appendWith("WITH change AS (SELECT n FROM generate_series(1, :rows) AS n)",
				Map.of("rows", 2), Topics.PROVISIONING_REQUESTS, this.key, "Test", "{}");
		int none = this.outbox.appendWith("WITH change AS (SELECT 1 WHERE :never)", Map.of("never", false),
				Topics.PROVISIONING_REQUESTS, this.key, "Test", "{}");

		assertThat(appended).isEqualTo(2);
		assertThat(none).isZero();
		assertThat(eventsKeyed(this.key)).isEqualTo(2);
	}

	@Test
	void acceptsACreateWithExactlyOneEventAndARefusedDuplicateWithNone() {
		ApiClient api = ApiClient.forNewAccount(this.environment, this.accounts);
		String body = """
				{"sip_trunk_type": "extension", "phone_number": "3100", "sip_username": "myuser",
				 "sip_password": "secret-1", "sip_address": "sip.provider.com", "sip_calling_format": "+e164",
				 "inbound_authorization_type": "auth", "country_code": "US"}
				""";
		long before = allEvents();

		Answer accepted = api.post(TRUNKS, body, "Prefer", "respond-async");
		Answer duplicate = api.post(TRUNKS, body, "Prefer", "respond-async");

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(duplicate.status()).isEqualTo(409);
		String requestId = accepted.json().get("data").get("request_id").asString();
		this.key = requestId;
		assertThat(eventsKeyed(requestId)).isEqualTo(1);
		assertThat(allEvents()).isEqualTo(before + 1);
	}

	private long eventsKeyed(String eventKey) {
		return this.jdbc.sql("SELECT count(*) FROM outbox_events WHERE event_key = ?")
			.param(eventKey)
			.query(Long.class)
			.single();
	}

	private long allEvents() {
		return this.jdbc.sql("SELECT count(*) FROM outbox_events").query(Long.class).single();
	}

}
