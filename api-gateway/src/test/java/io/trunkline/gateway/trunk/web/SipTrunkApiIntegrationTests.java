package io.trunkline.gateway.trunk.web;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.ApiClient.Answer;
import io.trunkline.gateway.RunningGateway;
import io.trunkline.gateway.account.AccountRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.trunkline.gateway.ApiClient.TRUNKS;
import static io.trunkline.gateway.trunk.web.TrunkFixtures.commitTrunk;
import static io.trunkline.gateway.trunk.web.TrunkFixtures.didTrunkWithIpAuth;
import static io.trunkline.gateway.trunk.web.TrunkFixtures.extensionTrunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API on a real gateway, PostgreSQL and Kafka, with no worker running: what the
 * gateway alone decides (authentication, the duplicate rule, the asynchronous answer,
 * reads and account isolation).
 */
@RunningGateway
class SipTrunkApiIntegrationTests {

	static final AtomicInteger extensions = new AtomicInteger(2000);

	@Autowired
	AccountRegistry accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	ApiClient api;

	@BeforeEach
	void openAccount() {
		this.api = ApiClient.forNewAccount(this.environment, this.accounts);
	}

	@Test
	void refusesRequestsWithoutAnApiKey() {
		Answer answer = this.api.as(null).get(TRUNKS);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo("{\"message\":\"Unauthenticated.\"}");
	}

	@Test
	void refusesAnUnknownApiKey() {
		Answer answer = this.api.as("tk_not_a_key").post(TRUNKS, extensionTrunk(nextExtension()));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.json().get("message").asString()).isEqualTo("Unauthenticated.");
	}

	@Test
	void answersAcceptedWithAStatusResourceWhenAskedToRespondAsync() {
		Answer answer = this.api.post(TRUNKS, extensionTrunk(nextExtension()), "Prefer", "respond-async");

		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.header("Retry-After")).isEqualTo("1");
		String location = answer.header("Location");
		assertThat(location).startsWith(TRUNKS + "/requests/");
		Answer status = this.api.get(location);
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().get("data").get("status").asString()).isEqualTo("pending");
	}

	@Test
	void answersAcceptedWhenNoOutcomeArrivesWithinTheBound() {
		Answer answer = this.api.post(TRUNKS, extensionTrunk(nextExtension()));

		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.json().get("data").get("status").asString()).isEqualTo("pending");
	}

	@Test
	void refusesASecondTrunkWithTheSameNumberUsernameAndAddress() {
		String body = extensionTrunk(nextExtension());
		this.api.post(TRUNKS, body, "Prefer", "respond-async");

		Answer second = this.api.post(TRUNKS, body, "Prefer", "respond-async");

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.body())
			.isEqualTo("{\"error\":\"A SIP trunk with the same phone number, username, and address already exists.\"}");
	}

	@Test
	void refusesANumberThatAnotherAccountHoldsWithoutNamingThatAccount() {
		String extension = nextExtension();
		this.api.post(TRUNKS, extensionTrunk(extension), "Prefer", "respond-async");
		ApiClient other = this.api.as(this.accounts.open("other tenant").token());

		Answer answer = other.post(TRUNKS, extensionTrunk(extension), "Prefer", "respond-async");

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.body())
			.isEqualTo("{\"error\":\"This phone number is already in use by another SIP trunk.\"}");
	}

	@Test
	void refusesTheSameNumberWithOtherCredentialsInOneAccount() {
		String extension = nextExtension();
		this.api.post(TRUNKS, extensionTrunk(extension), "Prefer", "respond-async");

		Answer answer = this.api.post(TRUNKS, extensionTrunk(extension).replace("myuser", "otheruser"), "Prefer",
				"respond-async");

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.json().get("error").asString())
			.isEqualTo("This phone number is already in use by another SIP trunk.");
	}

	@Test
	void treatsAnExtensionOfDigitsAndTheSameNumberInE164AsOneCalledNumber() {
		this.api.post(TRUNKS, extensionTrunk("14155552672"), "Prefer", "respond-async");

		Answer answer = this.api.as(this.accounts.open("did tenant").token())
			.post(TRUNKS, didTrunkWithIpAuth("+14155552672"), "Prefer", "respond-async");

		assertThat(answer.status()).isEqualTo(409);
	}

	@Test
	void freesTheNumberForEveryAccountWhenItsRequestFails() {
		String extension = nextExtension();
		Answer first = this.api.post(TRUNKS, extensionTrunk(extension), "Prefer", "respond-async");
		this.jdbc.sql("UPDATE provisioning_requests SET status = 'failed', completed_at = now() WHERE id = ?")
			.param(UUID.fromString(first.json().get("data").get("request_id").asString()))
			.update();

		Answer answer = this.api.as(this.accounts.open("next tenant").token())
			.post(TRUNKS, extensionTrunk(extension), "Prefer", "respond-async");

		assertThat(answer.status()).isEqualTo(202);
	}

	@Test
	void showsACommittedTrunkExactlyAsDocumented() {
		Answer accepted = this.api.post(TRUNKS, didTrunkWithIpAuth("+14155552671"), "Prefer", "respond-async");
		UUID requestId = UUID.fromString(accepted.json().get("data").get("request_id").asString());
		long trunkId = commitTrunk(this.jdbc, requestId);

		JsonNode trunk = this.api.get(TRUNKS + "/" + trunkId).json().get("data");

		assertThat(trunk.propertyNames()).containsExactly("id", "phone_number", "nickname", "sip_username",
				"sip_address", "sip_calling_format", "inbound_authorization_type", "allowed_inbound_ips",
				"outbound_proxy", "country_code", "inbound_trunk_id", "outbound_trunk_id", "created_at", "updated_at");
		assertThat(trunk.get("id").asLong()).isEqualTo(trunkId);
		assertThat(trunk.get("phone_number").asString()).isEqualTo("+14155552671");
		assertThat(trunk.get("nickname").isNull()).isTrue();
		assertThat(trunk.get("allowed_inbound_ips").toString()).isEqualTo("[\"203.0.113.10\",\"198.51.100.20\"]");
		assertThat(trunk.get("outbound_proxy").asBoolean()).isTrue();
		assertThat(trunk.get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
		Answer status = this.api.get(accepted.header("Location"));
		assertThat(status.json().get("data").get("status").asString()).isEqualTo("provisioned");
		assertThat(status.json().get("data").get("trunk").get("id").asLong()).isEqualTo(trunkId);
	}

	@Test
	void listsTheCallersTrunksNewestFirst() {
		long older = createAndCommit(nextExtension());
		long newer = createAndCommit(nextExtension());

		JsonNode list = this.api.get(TRUNKS).json().get("data");

		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("id").asLong()).isEqualTo(newer);
		assertThat(list.get(1).get("id").asLong()).isEqualTo(older);
	}

	@Test
	void neverShowsAnotherAccountsTrunks() {
		long mine = createAndCommit(nextExtension());
		ApiClient stranger = this.api.as(this.accounts.open("stranger").token());

		Answer get = stranger.get(TRUNKS + "/" + mine);
		Answer list = stranger.get(TRUNKS);

		assertThat(get.status()).isEqualTo(404);
		assertThat(get.body()).isEqualTo("{\"error\":\"SIP trunk not found.\"}");
		assertThat(list.json().get("data")).isEmpty();
	}

	private long createAndCommit(String extension) {
		Answer accepted = this.api.post(TRUNKS, extensionTrunk(extension), "Prefer", "respond-async");
		return commitTrunk(this.jdbc, UUID.fromString(accepted.json().get("data").get("request_id").asString()));
	}

	private static String nextExtension() {
		return Integer.toString(extensions.incrementAndGet());
	}

}
