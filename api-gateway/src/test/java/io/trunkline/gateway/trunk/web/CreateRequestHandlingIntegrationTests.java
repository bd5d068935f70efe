package io.trunkline.gateway.trunk.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import static io.trunkline.gateway.trunk.web.TrunkFixtures.extensionTrunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the create endpoint treats what is not a valid create: the documented 422,
 * malformed and oversized bodies, the wrong content type, fields a client may not set,
 * and racing duplicates. Also the list's pagination.
 */
@RunningGateway
class CreateRequestHandlingIntegrationTests {

	static final AtomicInteger extensions = new AtomicInteger(7000);

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
	void answersTheDocumentedValidationError() {
		String body = """
				{"sip_trunk_type": "extension", "phone_number": "1000", "sip_username": "myuser",
				 "sip_password": "secret", "sip_calling_format": "e165", "inbound_authorization_type": "auth",
				 "country_code": "US"}
				""";

		Answer answer = this.api.post(TRUNKS, body);

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.body()).isEqualTo("""
				{"message":"The given data was invalid.","errors":{"sip_address":["SIP server address is required."],\
				"sip_calling_format":["SIP calling format must be one of: +e164, e164, national."]}}""");
	}

	@Test
	void refusesMalformedJsonWithA400() {
		Answer answer = this.api.post(TRUNKS, "{\"sip_trunk_type\": ");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("message").asString()).isEqualTo("The request body is not valid JSON.");
	}

	@Test
	void refusesANonJsonContentTypeWithA415() {
		Answer answer = this.api.send(this.api.request(TRUNKS)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("sip_trunk_type=extension"))
			.build());

		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.json().get("message").asString()).contains("must be JSON");
	}

	@Test
	void refusesADeclaredBodyOverTheLimitWithA413() {
		String body = "{\"nickname\": \"" + "x".repeat(70_000) + "\"}";

		Answer answer = this.api.post(TRUNKS, body);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).isEqualTo(BodySizeLimit.TOO_LARGE);
	}

	@Test
	void refusesAStreamedBodyOverTheLimitWithA413() {
		byte[] body = ("{\"nickname\": \"" + "x".repeat(70_000) + "\"}").getBytes();

		Answer answer = this.api.send(this.api.request(TRUNKS)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());

		assertThat(answer.status()).isEqualTo(413);
	}

	@Test
	void ignoresFieldsAClientMayNotSet() {
		String body = extensionTrunk(nextExtension()).replaceFirst("\\{",
				"{\"id\": 999999, \"inbound_trunk_id\": \"ST_forgedforged\", \"created_at\": \"1999-01-01\", ");

		Answer accepted = this.api.post(TRUNKS, body, "Prefer", "respond-async");
		long trunkId = commitTrunk(this.jdbc,
				UUID.fromString(accepted.json().get("data").get("request_id").asString()));

		JsonNode trunk = this.api.get(TRUNKS + "/" + trunkId).json().get("data");
		assertThat(trunk.get("id").asLong()).isNotEqualTo(999999);
		assertThat(trunk.get("inbound_trunk_id").asString()).isNotEqualTo("ST_forgedforged");
		assertThat(trunk.get("created_at").asString()).doesNotStartWith("1999");
	}

	@Test
	void answersTheDocumentedServerErrorWhenTheDatabaseRefusesTheCreate() {
		this.jdbc.sql("""
				CREATE FUNCTION refuse_requests() RETURNS trigger LANGUAGE plpgsql
				AS $$ BEGIN RAISE EXCEPTION 'the database is failing'; END $$
				""").update();
		this.jdbc
			.sql("CREATE TRIGGER refuse_requests BEFORE INSERT ON provisioning_requests "
					+ "FOR EACH ROW EXECUTE FUNCTION refuse_requests()")
			.update();
		Answer answer;
		Answer list;
		try {
			answer = this.api.post(TRUNKS, extensionTrunk(nextExtension()));
			list = this.api.get(TRUNKS);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER refuse_requests ON provisioning_requests").update();
			this.jdbc.sql("DROP FUNCTION refuse_requests()").update();
		}

		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.body())
			.isEqualTo("{\"error\":\"Failed to create SIP trunk. Please try again or contact support.\"}");
		assertThat(list.status()).isEqualTo(200);
	}

	@Test
	void letsExactlyOneOfRacingIdenticalCreatesThrough() {
		String body = extensionTrunk(nextExtension());

		List<Integer> answers = race(Collections.nCopies(8, this.api), body);

		assertThat(answers).containsOnly(202, 409);
		assertThat(answers).filteredOn((status) -> status == 202).hasSize(1);
	}

	@Test
	void letsExactlyOneOfRacingAccountsTakeANumber() {
		String body = extensionTrunk(nextExtension());
		List<ApiClient> tenants = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			tenants.add(this.api.as(this.accounts.open("racer " + i).token()));
		}

		List<Integer> answers = race(tenants, body);

		assertThat(answers).containsOnly(202, 409);
		assertThat(answers).filteredOn((status) -> status == 202).hasSize(1);
	}

	/**
	 * Lets every client send the same create at the same moment.
	 * @return the statuses they got
	 */
	private static List<Integer> race(List<ApiClient> clients, String body) {
		ExecutorService pool = Executors.newFixedThreadPool(clients.size());
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> statuses = new ArrayList<>();
		for (ApiClient client : clients) {
			statuses.add(CompletableFuture.supplyAsync(() -> {
				await(start);
				return client.post(TRUNKS, body, "Prefer", "respond-async").status();
			}, pool));
		}
		start.countDown();
		List<Integer> answers = statuses.stream().map(CompletableFuture::join).toList();
		pool.shutdown();
		return answers;
	}

	@Test
	void pagesThroughTheTrunksNewestFirst() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Answer accepted = this.api.post(TRUNKS, extensionTrunk(nextExtension()), "Prefer", "respond-async");
			ids.add(commitTrunk(this.jdbc, UUID.fromString(accepted.json().get("data").get("request_id").asString())));
		}

		JsonNode page = this.api.get(TRUNKS + "?page=2&per_page=2").json();

		assertThat(page.get("data")).extracting((trunk) -> trunk.get("id").asLong())
			.containsExactly(ids.get(2), ids.get(1));
		assertThat(page.get("meta").get("total").asLong()).isEqualTo(5);
		assertThat(page.get("meta").get("last_page").asLong()).isEqualTo(3);
		assertThat(this.api.get(TRUNKS).json().has("meta")).isFalse();
	}

	@Test
	void refusesPaginationOutOfBounds() {
		Answer answer = this.api.get(TRUNKS + "?page=0&per_page=501");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("errors").propertyNames()).containsExactly("page", "per_page");
	}

	@Test
	void answersNotFoundForIdsThatCannotExist() {
		assertThat(this.api.get(TRUNKS + "/abc").status()).isEqualTo(404);
		assertThat(this.api.get(TRUNKS + "/99999999999999999999999").status()).isEqualTo(404);
		assertThat(this.api.get(TRUNKS + "/requests/not-a-uuid").status()).isEqualTo(404);
		assertThat(this.api.get(TRUNKS + "/requests/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String nextExtension() {
		return Integer.toString(extensions.incrementAndGet());
	}

}
