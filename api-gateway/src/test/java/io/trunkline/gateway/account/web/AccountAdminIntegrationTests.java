package io.trunkline.gateway.account.web;

import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.ApiClient.Answer;
import io.trunkline.gateway.RunningGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.trunkline.gateway.ApiClient.TRUNKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators open accounts and issue keys through {@code /admin/accounts} with the admin
 * token.
 */
@RunningGateway
class AccountAdminIntegrationTests {

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	@BeforeEach
	void asOperator() {
		this.admin = ApiClient.of(this.environment, "test-admin-token");
	}

	@Test
	void opensAnAccountWhoseKeyWorksOnTheApi() {
		Answer opened = this.admin.post("/admin/accounts", "{\"name\": \"Acme Voice\"}");

		assertThat(opened.status()).isEqualTo(201);
		String key = opened.json().get("data").get("api_key").asString();
		assertThat(key).startsWith("tk_");
		assertThat(this.admin.as(key).get(TRUNKS).status()).isEqualTo(200);
	}

	@Test
	void storesOnlyTheDigestOfAKey() {
		String key = this.admin.post("/admin/accounts", "{\"name\": \"Digest Co\"}")
			.json()
			.get("data")
			.get("api_key")
			.asString();

		Long stored = this.jdbc.sql("SELECT count(*) FROM api_keys WHERE key_digest = ? OR label = ?")
			.params(key, key)
			.query(Long.class)
			.single();

		assertThat(stored).isZero();
	}

	@Test
	void issuesAnotherKeyToAnExistingAccount() {
		long account = this.admin.post("/admin/accounts", "{\"name\": \"Two Keys Ltd\"}")
			.json()
			.get("data")
			.get("account_id")
			.asLong();

		Answer issued = this.admin.post("/admin/accounts/" + account + "/api-keys", "");

		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.json().get("data").get("account_id").asLong()).isEqualTo(account);
		assertThat(this.admin.post("/admin/accounts/999999999/api-keys", "").status()).isEqualTo(404);
	}

	@Test
	void refusesCallersWithoutTheAdminToken() {
		assertThat(this.admin.as("tk_someone").post("/admin/accounts", "{\"name\": \"x\"}").status()).isEqualTo(401);
		assertThat(this.admin.as(null).post("/admin/accounts", "{\"name\": \"x\"}").status()).isEqualTo(401);
	}

	@Test
	void refusesAnAccountWithoutAName() {
		Answer answer = this.admin.post("/admin/accounts", "{}");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("errors").has("name")).isTrue();
	}

}
