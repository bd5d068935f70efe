package io.trunkline.gateway.account.web;

import java.util.UUID;

import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.RawHttp;
import io.trunkline.gateway.RunningGateway;
import io.trunkline.gateway.account.AccountRegistry;
import io.trunkline.gateway.account.web.PathTricks.Answer;
import io.trunkline.gateway.account.web.PathTricks.Route;
import io.trunkline.gateway.account.web.PathTricks.Trick;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.trunkline.gateway.ApiClient.TRUNKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No path trick reaches a handler without the handler's credentials: every route, sent
 * over a raw socket in every rewritten form without credentials or with the other kind of
 * credentials, is refused ({@code 400}), unauthenticated ({@code 401}) or not found
 * ({@code 404}), and changes nothing.
 */
@RunningGateway
class PathTricksIntegrationTests {

	static long account;

	static String failedRequest;

	static String accountKey;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void givenAnAccountAndAFailedRequest(@Autowired AccountRegistry accounts, @Autowired JdbcClient jdbc,
			@Autowired Environment environment) {
		var opened = accounts.open("path tricks");
		account = opened.accountId();
		accountKey = opened.token();
		var created = ApiClient.of(environment, accountKey)
			.post(TRUNKS, PathTricks.TRUNK_BODY, "Prefer", "respond-async");
		assertThat(created.status()).isEqualTo(202);
		failedRequest = created.json().get("data").get("request_id").asString();
		jdbc.sql(
				"UPDATE provisioning_requests SET status = 'failed', failure_reason = 'voice_infrastructure_rejected', "
						+ "completed_at = now() WHERE id = ?")
			.param(UUID.fromString(failedRequest))
			.update();
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("io.trunkline.gateway.account.web.PathTricks#everyRouteWithEveryTrick")
	void answersATrickWithoutCredentialsAsItsShapeDeserves(Route route, Trick trick) {
		String state = databaseState();
		String target = trick.apply(route.path(account, 1, failedRequest));

		RawHttp.Answer answer = RawHttp.of(this.environment).send(route.method(), target, route.body(), null);

		assertAnswered(answer, trick.answer(), target);
		assertThat(databaseState()).as("rows after " + target).isEqualTo(state);
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("io.trunkline.gateway.account.web.PathTricks#everyRouteWithEveryTrick")
	void answersATrickWithTheOtherKindOfCredentialsAsIfThereWereNone(Route route, Trick trick) {
		String state = databaseState();
		String target = trick.apply(route.path(account, 1, failedRequest));
		String otherKind = route.admin() ? accountKey : "test-admin-token";

		RawHttp.Answer answer = RawHttp.of(this.environment)
			.send(route.method(), target, route.body(), "Bearer " + otherKind);

		assertAnswered(answer, trick.answer(), target);
		assertThat(databaseState()).as("rows after " + target).isEqualTo(state);
	}

	@Test
	void refusesAnAmbiguousPathWithTheApiBody() {
		RawHttp.Answer answer = RawHttp.of(this.environment)
			.send("POST", "/admin;x/accounts", "{\"name\": \"x\"}", "Bearer test-admin-token");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.body()).isEqualTo("{\"message\":\"The request path is not valid.\"}");
	}

	@Test
	void refusesAnAmbiguousPathOutsideTheApiToo() {
		RawHttp.Answer answer = RawHttp.of(this.environment).send("GET", "/actuator;x/health", null, null);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEqualTo("{\"message\":\"The request path is not valid.\"}");
	}

	@Test
	void letsTheOperatorThroughAPercentEncodedLetter() {
		RawHttp.Answer answer = RawHttp.of(this.environment)
			.send("GET", "/%61dmin/requests/failed", null, "Bearer test-admin-token");

		assertThat(answer.status()).isEqualTo(200);
	}

	static void assertAnswered(RawHttp.Answer answer, Answer expected, String target) {
		assertThat(answer.status()).as(target + " answered " + answer.body()).isEqualTo(expected.status());
		assertThat(answer.body()).as("the answer to " + target).doesNotContain("\"timestamp\"", "Whitelabel");
		if (expected == Answer.UNAUTHENTICATED) {
			assertThat(answer.body()).isEqualTo("{\"message\":\"Unauthenticated.\"}");
			assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
		}
		if (expected == Answer.REFUSED) {
			// Tomcat refuses an encoded slash, a backslash and NUL itself, with its plain
			// page.
			assertThat(answer.body()).satisfiesAnyOf(
					(body) -> assertThat(body).isEqualTo("{\"message\":\"The request path is not valid.\"}"),
					(body) -> assertThat(body).contains("<h1>HTTP Status 400 – Bad Request</h1>"));
		}
		if (expected == Answer.NOT_FOUND) {
			assertThat(answer.body()).isEqualTo("{\"error\":\"Not found.\"}");
		}
	}

	/**
	 * @return what a trick that reached a handler would have changed: accounts, keys,
	 * requests and the failed request's status
	 */
	String databaseState() {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM accounts) || ' accounts, ' || (SELECT count(*) FROM api_keys) || ' keys, '
				    || (SELECT count(*) FROM provisioning_requests) || ' requests, failed one '
				    || (SELECT status FROM provisioning_requests WHERE id = ?)
				""").param(UUID.fromString(failedRequest)).query(String.class).single();
	}

}
