package io.trunkline.gateway.trunk.web;

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
import static io.trunkline.gateway.trunk.web.TrunkFixtures.extensionTrunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators replay failed creates: only failed ones, only while their identity is free,
 * and never without the admin token.
 */
@RunningGateway
class ReplayAdminIntegrationTests {

	@Autowired
	AccountRegistry accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void replaysAFailedRequestAsPending() {
		ApiClient api = ApiClient.forNewAccount(this.environment, this.accounts);
		UUID requestId = accepted(api, extensionTrunk("8001"));
		fail(requestId);

		Answer replayed = operator().post("/admin/requests/" + requestId + "/replay", "");

		assertThat(replayed.status()).isEqualTo(202);
		assertThat(api.get(TRUNKS + "/requests/" + requestId).json().get("data").get("status").asString())
			.isEqualTo("pending");
		assertThat(this.jdbc.sql("SELECT failure_reason FROM provisioning_requests WHERE id = ?")
			.param(requestId)
			.query(String.class)
			.optional()).isEmpty();
	}

	@Test
	void startsTheWorkersBoundsOnAttemptsAndAgeAfreshWithoutResettingTheAttemptCount() {
		ApiClient api = ApiClient.forNewAccount(this.environment, this.accounts);
		UUID requestId = accepted(api, extensionTrunk("8004"));
		fail(requestId);
		this.jdbc.sql("UPDATE provisioning_requests SET attempts = 10 WHERE id = ?").param(requestId).update();

		assertThat(operator().post("/admin/requests/" + requestId + "/replay", "").status()).isEqualTo(202);

		assertThat(this.jdbc.sql("""
				SELECT attempts = 10 AND attempts_at_replay = 10 AND replayed_at > now() - interval '1 minute'
				FROM provisioning_requests WHERE id = ?
				""").param(requestId).query(Boolean.class).single()).isTrue();
	}

	@Test
	void refusesToReplayWhenALiveRequestHasTakenItsIdentity() {
		ApiClient api = ApiClient.forNewAccount(this.environment, this.accounts);
		UUID failed = accepted(api, extensionTrunk("8002"));
		fail(failed);
		accepted(api, extensionTrunk("8002"));

		Answer replayed = operator().post("/admin/requests/" + failed + "/replay", "");

		assertThat(replayed.status()).isEqualTo(409);
		assertThat(replayed.json().get("error").asString())
			.isEqualTo("A SIP trunk with the same phone number, username, and address already exists.");
	}

	@Test
	void refusesToReplayWhenAnotherAccountHasTakenItsNumber() {
		UUID failed = accepted(ApiClient.forNewAccount(this.environment, this.accounts), extensionTrunk("8005"));
		fail(failed);
		accepted(ApiClient.forNewAccount(this.environment, this.accounts), extensionTrunk("8005"));

		Answer replayed = operator().post("/admin/requests/" + failed + "/replay", "");

		assertThat(replayed.status()).isEqualTo(409);
		assertThat(replayed.json().get("error").asString())
			.isEqualTo("Another live SIP trunk or create has taken this phone number since it failed.");
	}

	@Test
	void refusesToReplayARequestThatDidNotFail() {
		UUID pending = accepted(ApiClient.forNewAccount(this.environment, this.accounts), extensionTrunk("8003"));

		assertThat(operator().post("/admin/requests/" + pending + "/replay", "").status()).isEqualTo(409);
		assertThat(operator().post("/admin/requests/" + UUID.randomUUID() + "/replay", "").status()).isEqualTo(404);
		assertThat(operator().as("tk_not_admin").post("/admin/requests/" + pending + "/replay", "").status())
			.isEqualTo(401);
	}

	private ApiClient operator() {
		return ApiClient.of(this.environment, "test-admin-token");
	}

	private static UUID accepted(ApiClient api, String body) {
		Answer answer = api.post(TRUNKS, body, "Prefer", "respond-async");
		assertThat(answer.status()).isEqualTo(202);
		return UUID.fromString(answer.json().get("data").get("request_id").asString());
	}

	/** Does what the worker does when provisioning fails. */
	private void fail(UUID requestId) {
		this.jdbc.sql("""
				UPDATE provisioning_requests SET status = 'failed', failure_reason = 'voice_infrastructure_rejected',
				    completed_at = now() WHERE id = ?
				""").param(requestId).update();
	}

}
