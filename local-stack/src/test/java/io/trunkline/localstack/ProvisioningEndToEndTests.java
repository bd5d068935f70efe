package io.trunkline.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.livekit.standin.LiveKitStandIn;
import io.trunkline.localstack.StackClient.Answer;
import io.trunkline.worker.recovery.OrphanReconciler;
import io.trunkline.worker.recovery.OrphanReconciler.Bounds;
import io.trunkline.worker.recovery.OrphanReconciler.Reconciliation;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Provisioning under faults, end to end on real parts: the gateway, a real Kafka broker
 * and PostgreSQL, the worker, and the LiveKit stand-in injecting the faults. Every
 * scenario ends as exactly one trunk with exactly two LiveKit trunks, or as a failure
 * with nothing left on LiveKit.
 */
class ProvisioningEndToEndTests {

	static final String API_KEY = "tk_test_provisioning";

	static final String PASSWORD = "Zq9-Trunkline-Unmistakable-Secret-7731";

	static final String ADMIN_TOKEN = "test-operator-token";

	static final AtomicInteger extensions = new AtomicInteger(3000);

	static CapturedLogs logs;

	static LocalStack stack;

	static StackClient client;

	@BeforeAll
	static void startStack() {
		stack = LocalStack.start(LocalStackOptions.forTests(API_KEY,
				Map.ofEntries(Map.entry("trunkline.reply.timeout", "10s"), Map.entry("livekit.read-timeout", "2s"),
						Map.entry("resilience4j.retry.instances.livekit.wait-duration", "20ms"),
						Map.entry("resilience4j.circuitbreaker.instances.livekit.minimum-number-of-calls", "6"),
						Map.entry("resilience4j.circuitbreaker.instances.livekit.sliding-window-size", "6"),
						Map.entry("resilience4j.circuitbreaker.instances.livekit.wait-duration-in-open-state", "2s"),
						Map.entry("trunkline.lease", "3s"), Map.entry("trunkline.recovery.sweep-interval", "1s"),
						Map.entry("trunkline.recovery.reconcile-interval", "1h"),
						Map.entry("trunkline.recovery.orphan-minimum-age", "0s"),
						Map.entry("trunkline.admin.token", ADMIN_TOKEN))));
		// After the start: the first service to start resets the logging system, and
		// with it any appender attached before.
		logs = CapturedLogs.attach();
		client = new StackClient(stack, API_KEY);
	}

	@AfterAll
	static void stopStack() {
		stack.close();
	}

	@BeforeEach
	void healthyLiveKit() {
		logs.reattach();
		standIn().faults().clear();
		breaker().reset();
	}

	@Test
	void provisionsTheDocumentedDidTrunkThroughTheOutboundProxy() {
		Answer answer = client.post(didTrunkWithIpAuth("+14155551234"));

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		JsonNode trunk = answer.json().get("data");
		assertThat(trunk.get("phone_number").asString()).isEqualTo("+14155551234");
		assertThat(trunk.get("allowed_inbound_ips").toString()).isEqualTo("[\"203.0.113.10\",\"198.51.100.20\"]");
		assertThat(trunk.get("outbound_proxy").asBoolean()).isTrue();
		SIPInboundTrunkInfo inbound = inbound(trunk.get("inbound_trunk_id").asString());
		assertThat(inbound.getNumbersList()).containsExactly("+14155551234");
		assertThat(inbound.getAllowedAddressesList()).containsExactly("203.0.113.10", "198.51.100.20");
		assertThat(inbound.getAuthUsername()).isEmpty();
		assertThat(inbound.getAuthPassword()).isEmpty();
		assertThat(inbound.getName()).isEqualTo("Trunkline +14155551234");
		assertThat(inbound.getMetadata()).contains("\"request\":\"" + requestOf(trunk.get("id").asLong()) + "\"");
		SIPOutboundTrunkInfo outbound = outbound(trunk.get("outbound_trunk_id").asString());
		assertThat(outbound.getAddress()).isEqualTo("sip-proxy.trunkline.test:5060");
		assertThat(outbound.getHeadersMap()).containsEntry("X-Trunkline-Upstream", "sip.provider.com");
		assertThat(outbound.getNumbersList()).containsExactly("14155551234");
		assertThat(outbound.getAuthUsername()).isEqualTo("trunk_user");
		assertThat(outbound.getAuthPassword()).isEqualTo(PASSWORD);
		assertThat(outbound.getDestinationCountry()).isEqualTo("US");
		assertThat(outbound.getMetadata()).isEqualTo(inbound.getMetadata());
	}

	@Test
	void answersTheCreateWithTheTrunkExactlyAsItIsReadBack() {
		Answer extension = client.post(extensionTrunk(nextExtension()));
		Answer did = client.post(didTrunkWithIpAuth("+14155550111"));

		for (Answer created : List.of(extension, did)) {
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			JsonNode trunk = created.json().get("data");
			Answer read = client.get(StackClient.TRUNKS + "/" + trunk.get("id").asLong());
			assertThat(read.json().get("data")).isEqualTo(trunk);
		}
	}

	@Test
	void timesEveryStageOfACreateTheBenchmarksReport() {
		long accepted = timed(stack.gateways(), "trunkline.creates.accept");
		long relayed = timed(stack.gateways(), "trunkline.outbox.wait");
		long claimed = timed(stack.workers(), "trunkline.provisioning.claim");

		Answer created = client.post(extensionTrunk(nextExtension()));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(timed(stack.gateways(), "trunkline.creates.accept")).isGreaterThan(accepted);
		assertThat(timed(stack.gateways(), "trunkline.outbox.wait")).isGreaterThan(relayed);
		assertThat(timed(stack.workers(), "trunkline.provisioning.claim")).isGreaterThan(claimed);
	}

	private static long timed(List<ConfigurableApplicationContext> services, String timer) {
		return services.stream()
			.map((service) -> service.getBean(MeterRegistry.class).find(timer).timer())
			.filter(Objects::nonNull)
			.mapToLong(Timer::count)
			.sum();
	}

	@Test
	void createsTheInboundAndOutboundTrunksConcurrently() {
		String extension = nextExtension();
		// Holds the inbound create back: the outbound one is stored meanwhile, which a
		// worker creating them one after the other would never show.
		standIn().faults().on("CreateSIPInboundTrunk").delay(Duration.ofMillis(1500)).times(1);

		CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> client.post(extensionTrunk(extension)));

		await().atMost(10, SECONDS)
			.until(() -> outboundWithNumber(extension).size() == 1 && inboundWithNumber(extension).isEmpty());
		assertThat(answer.join().status()).isEqualTo(201);
		assertThat(inboundWithNumber(extension)).hasSize(1);
	}

	@Test
	void compensatesTheOutboundTrunkWhenTheInboundFailsPermanently() {
		String extension = nextExtension();
		standIn().faults().on("CreateSIPInboundTrunk").respond(400, "invalid_argument", "number refused").times(1);

		Answer answer = client.post(extensionTrunk(extension));

		assertThat(answer.status()).isEqualTo(500);
		assertThat(inboundWithNumber(extension)).isEmpty();
		assertThat(outboundWithNumber(extension)).isEmpty();
	}

	@Test
	void compensatesTheInboundTrunkWhenTheOutboundFailsPermanently() {
		String extension = nextExtension();
		standIn().faults().on("CreateSIPOutboundTrunk").respond(400, "invalid_argument", "address refused").times(1);

		Answer answer = client.post(extensionTrunk(extension));

		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.body())
			.isEqualTo("{\"error\":\"Failed to create SIP trunk. Please try again or contact support.\"}");
		assertThat(standIn().calls("CreateSIPInboundTrunk")).isPositive();
		assertThat(inboundWithNumber(extension)).isEmpty();
		assertThat(outboundWithNumber(extension)).isEmpty();
		assertThat(client.get(StackClient.TRUNKS).body()).doesNotContain("\"phone_number\":\"" + extension + "\"");
	}

	@Test
	void retriesTransientFailuresAndTimeoutsUntilProvisioned() {
		String extension = nextExtension();
		standIn().faults().on("CreateSIPInboundTrunk").respond(503, "unavailable", "try later").times(2);
		standIn().faults().on("CreateSIPOutboundTrunk").delayAfterPerforming(Duration.ofMillis(2500)).times(1);

		Answer answer = client.post(extensionTrunk(extension));

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertThat(inboundWithNumber(extension)).hasSize(1);
		assertThat(outboundWithNumber(extension)).hasSize(1);
	}

	@Test
	void removesTheLateDuplicateOfACreateThatTimedOutBeforeLiveKitPerformedIt() {
		String extension = nextExtension();
		standIn().faults().on("CreateSIPOutboundTrunk").delay(Duration.ofMillis(2500)).times(1);
		Answer answer = client.post(extensionTrunk(extension));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		await().atMost(10, SECONDS).until(() -> outboundWithNumber(extension).size() == 2);

		int removed = stack.workers().get(0).getBean(OrphanReconciler.class).reconcile();

		assertThat(removed).isEqualTo(1);
		assertThat(outboundWithNumber(extension)).extracting(SIPOutboundTrunkInfo::getSipTrunkId)
			.containsExactly(answer.json().get("data").get("outbound_trunk_id").asString());
	}

	@Test
	void leavesExactlyOneTrunkOfEachKindWhenCreateResponsesAreLost() {
		String extension = nextExtension();
		standIn().faults().on("CreateSIPInboundTrunk").performThenDropResponse().times(1);
		standIn().faults().on("CreateSIPOutboundTrunk").performThenDropResponse().times(1);

		Answer answer = client.post(extensionTrunk(extension));

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertThat(inboundWithNumber(extension)).extracting(SIPInboundTrunkInfo::getSipTrunkId)
			.containsExactly(answer.json().get("data").get("inbound_trunk_id").asString());
		assertThat(outboundWithNumber(extension)).extracting(SIPOutboundTrunkInfo::getSipTrunkId)
			.containsExactly(answer.json().get("data").get("outbound_trunk_id").asString());
	}

	@Test
	void opensTheBreakerUnderSustainedFailureFailsFastThenRecovers() {
		standIn().faults().on("CreateSIPInboundTrunk").respond(503, "unavailable", "down");
		client.post(extensionTrunk(nextExtension()));
		client.post(extensionTrunk(nextExtension()));
		assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
		int callsWhileOpen = standIn().calls("CreateSIPInboundTrunk");

		Answer failedFast = client.post(extensionTrunk(nextExtension()));

		assertThat(failedFast.status()).isEqualTo(500);
		assertThat(standIn().calls("CreateSIPInboundTrunk")).isEqualTo(callsWhileOpen);
		standIn().faults().clear();
		await().atMost(15, SECONDS).until(() -> breaker().getState() == CircuitBreaker.State.HALF_OPEN);
		Answer recovered = client.post(extensionTrunk(nextExtension()));
		assertThat(recovered.status()).as(recovered.body()).isEqualTo(201);
	}

	@Test
	void failsWithoutRetryingWhenLiveKitRefusesOurCredentials() {
		String extension = nextExtension();
		standIn().faults().on("CreateSIPInboundTrunk").respond(401, "unauthenticated", "permissions denied").times(5);
		int before = standIn().calls("CreateSIPInboundTrunk");

		Answer answer = client.post(extensionTrunk(extension));

		assertThat(answer.status()).isEqualTo(500);
		assertThat(standIn().calls("CreateSIPInboundTrunk")).isEqualTo(before + 1);
		assertThat(inboundWithNumber(extension)).isEmpty();
		assertThat(outboundWithNumber(extension)).isEmpty();
	}

	@Test
	void reconcilerRemovesOurOrphansAndLeavesOtherTrunksAlone() {
		String orphan = client.createInboundTrunkOnLiveKit(nextExtension(), marker(UUID.randomUUID()));
		String foreign = client.createInboundTrunkOnLiveKit(nextExtension(), "{\"owner\":\"someone else\"}");
		String otherInstallation = client.createInboundTrunkOnLiveKit(nextExtension(),
				"{\"trunkline\":\"staging\",\"request\":\"" + UUID.randomUUID() + "\",\"account\":1}");

		int removed = stack.workers().get(0).getBean(OrphanReconciler.class).reconcile();

		assertThat(removed).isPositive();
		assertThat(inboundTrunkIds()).doesNotContain(orphan).contains(foreign, otherInstallation);
	}

	@Test
	void reconcilerSkipsItsRunWhileAnotherWorkerReconciles() throws SQLException {
		String orphan = client.createInboundTrunkOnLiveKit(nextExtension(), marker(UUID.randomUUID()));
		OrphanReconciler reconciler = stack.workers().get(0).getBean(OrphanReconciler.class);

		// Another worker's run holds the installation's lock until its transaction ends.
		try (Connection otherWorker = database()) {
			otherWorker.setAutoCommit(false);
			try (PreparedStatement lock = otherWorker.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
				lock.setInt(1, OrphanReconciler.LOCK_CLASS);
				lock.setInt(2, OrphanReconciler.lockKey(stack.installation()));
				lock.execute();
			}

			assertThat(reconciler.reconcile()).isZero();
			assertThat(inboundTrunkIds()).contains(orphan);

			otherWorker.rollback();
		}

		assertThat(reconciler.reconcile()).isPositive();
		assertThat(inboundTrunkIds()).doesNotContain(orphan);
	}

	@Test
	void reconcilerKeepsAnOrphanUntilItHasBeenSeenForTheMinimumAge() {
		String orphan = client.createInboundTrunkOnLiveKit(nextExtension(), marker(UUID.randomUUID()));
		OrphanReconciler reconciler = stack.workers().get(0).getBean(OrphanReconciler.class);

		Reconciliation young = reconciler.reconcile(new Bounds(Duration.ofHours(1), 100, false));
		List<String> left = inboundTrunkIds();
		Reconciliation old = reconciler.reconcile(new Bounds(Duration.ZERO, 100, false));

		assertThat(young.orphans()).isPositive();
		assertThat(young.removed()).isZero();
		assertThat(left).contains(orphan);
		assertThat(old.removed()).isPositive();
		assertThat(inboundTrunkIds()).doesNotContain(orphan);
	}

	@Test
	void reconcilerRemovesNothingWhenMoreOrphansAreDueThanItsLimit() {
		List<String> orphans = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			orphans.add(client.createInboundTrunkOnLiveKit(nextExtension(), marker(UUID.randomUUID())));
		}
		OrphanReconciler reconciler = stack.workers().get(0).getBean(OrphanReconciler.class);
		double haltedBefore = haltedRuns();

		Reconciliation run = reconciler.reconcile(new Bounds(Duration.ZERO, 2, false));
		List<String> left = inboundTrunkIds();
		reconciler.reconcile(new Bounds(Duration.ZERO, 100, false));

		assertThat(run.halted()).isTrue();
		assertThat(run.removed()).isZero();
		assertThat(left).containsAll(orphans);
		assertThat(haltedRuns()).isEqualTo(haltedBefore + 1);
		assertThat(logs.lines()).anyMatch((line) -> line.contains("more than its limit of 2: removing none"));
		assertThat(inboundTrunkIds()).doesNotContainAnyElementsOf(orphans);
	}

	@Test
	void reconcilerOnlyReportsWhatItWouldRemoveInADryRun() {
		String orphan = client.createInboundTrunkOnLiveKit(nextExtension(), marker(UUID.randomUUID()));
		OrphanReconciler reconciler = stack.workers().get(0).getBean(OrphanReconciler.class);

		Reconciliation run = reconciler.reconcile(new Bounds(Duration.ZERO, 100, true));
		List<String> left = inboundTrunkIds();
		reconciler.reconcile(new Bounds(Duration.ZERO, 100, false));

		assertThat(run.due()).isPositive();
		assertThat(run.removed()).isZero();
		assertThat(left).contains(orphan);
		assertThat(logs.lines()).anyMatch((line) -> line.contains("Dry run: would remove") && line.contains(orphan));
		assertThat(inboundTrunkIds()).doesNotContain(orphan);
	}

	private static double haltedRuns() {
		return stack.workers().get(0).getBean(MeterRegistry.class).counter("trunkline.reconciler.halted").count();
	}

	/** This stack's marker on a LiveKit trunk, for a request of account 1. */
	private static String marker(UUID requestId) {
		return marker(requestId, 1);
	}

	private static String marker(UUID requestId, long account) {
		return "{\"trunkline\":\"" + stack.installation() + "\",\"request\":\"" + requestId + "\",\"account\":"
				+ account + "}";
	}

	private static List<String> inboundTrunkIds() {
		return standIn().inboundTrunks().stream().map(SIPInboundTrunkInfo::getSipTrunkId).toList();
	}

	@Test
	void completesARequestWhoseWorkerStoppedBetweenTheTwoCreates() throws Exception {
		String extension = nextExtension();
		stack.stop(stack.workers().get(0));
		Answer accepted = client.post(extensionTrunk(extension), "Prefer", "respond-async");
		UUID requestId = UUID.fromString(accepted.json().get("data").get("request_id").asString());
		// The state a worker leaves when it dies after the inbound create: its claim (now
		// expired) and the trunk.
		long account = sql("UPDATE provisioning_requests SET attempts = 1, lease_until = now() - interval '1 second' "
				+ "WHERE id = ? RETURNING account_id", requestId);
		String leftBehind = client.createInboundTrunkOnLiveKit(extension, marker(requestId, account));

		stack.startWorker();

		await().atMost(20, SECONDS)
			.until(() -> client.get(accepted.header("Location")).json().get("data").get("status").asString(),
					"provisioned"::equals);
		JsonNode trunk = client.get(accepted.header("Location")).json().get("data").get("trunk");
		assertThat(trunk.get("inbound_trunk_id").asString()).isEqualTo(leftBehind);
		assertThat(inboundWithNumber(extension)).hasSize(1);
		assertThat(outboundWithNumber(extension)).hasSize(1);
	}

	@Test
	void provisionsOnceWhenTheSameEventIsDeliveredTwice() throws Exception {
		String extension = nextExtension();
		Answer created = client.post(extensionTrunk(extension));
		assertThat(created.status()).isEqualTo(201);
		UUID requestId = requestOf(created.json().get("data").get("id").asLong());
		int creates = standIn().calls("CreateSIPInboundTrunk") + standIn().calls("CreateSIPOutboundTrunk");

		try (var producer = new KafkaProducer<String, String>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer
				.send(new ProducerRecord<>("trunkline.provisioning.requests", requestId.toString(),
						"{\"schemaVersion\":1,\"requestId\":\"" + requestId
								+ "\",\"accountId\":1,\"requestedAt\":\"2026-03-31T10:00:00Z\"}"))
				.get();
		}

		await().atMost(20, SECONDS).until(() -> client.outcomesOf(requestId) == 2);
		assertThat(standIn().calls("CreateSIPInboundTrunk") + standIn().calls("CreateSIPOutboundTrunk"))
			.isEqualTo(creates);
		assertThat(inboundWithNumber(extension)).hasSize(1);
		assertThat(outboundWithNumber(extension)).hasSize(1);
	}

	@Test
	void parksAnUnreadableCommandOnTheDeadLetterTopic() throws Exception {
		String key = "poison-" + UUID.randomUUID();

		try (var producer = new KafkaProducer<String, String>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("trunkline.provisioning.requests", key, "{not json")).get();
		}

		await().atMost(30, SECONDS)
			.until(() -> client.allKafkaRecords()
				.stream()
				.anyMatch((r) -> r.topic().equals("trunkline.provisioning.requests.dlt") && key.equals(r.key())));
		Answer healthy = client.post(extensionTrunk(nextExtension()));
		assertThat(healthy.status()).isEqualTo(201);
	}

	@Test
	void provisionsTheRequestsOfAPollTogetherEachWithItsOwnOutcome() {
		stack.stop(stack.workers().get(0));
		// One create of the poll is refused: its request alone fails, and leaves nothing.
		standIn().faults().on("CreateSIPInboundTrunk").respond(400, "invalid_argument", "refused").times(1);
		Map<String, Answer> accepted = new LinkedHashMap<>();
		for (int i = 0; i < 20; i++) {
			String extension = nextExtension();
			accepted.put(extension, client.post(extensionTrunk(extension), "Prefer", "respond-async"));
		}
		// 20 records on 4 partitions put several in one poll.
		awaitEventsOf(accepted.values());

		ConfigurableApplicationContext worker = stack.startWorker();

		await().atMost(30, SECONDS)
			.until(() -> accepted.values()
				.stream()
				.map(ProvisioningEndToEndTests::statusOf)
				.noneMatch("pending"::equals));
		int failed = 0;
		for (Map.Entry<String, Answer> create : accepted.entrySet()) {
			JsonNode request = client.get(create.getValue().header("Location")).json().get("data");
			if (request.get("status").asString().equals("failed")) {
				failed++;
				assertThat(inboundWithNumber(create.getKey())).isEmpty();
				assertThat(outboundWithNumber(create.getKey())).isEmpty();
				continue;
			}
			assertThat(request.get("status").asString()).isEqualTo("provisioned");
			assertThat(inboundWithNumber(create.getKey())).singleElement()
				.extracting(SIPInboundTrunkInfo::getSipTrunkId)
				.isEqualTo(request.get("trunk").get("inbound_trunk_id").asString());
			assertThat(outboundWithNumber(create.getKey())).singleElement()
				.extracting(SIPOutboundTrunkInfo::getSipTrunkId)
				.isEqualTo(request.get("trunk").get("outbound_trunk_id").asString());
		}
		assertThat(failed).isEqualTo(1);
		assertThat(worker.getBean(MeterRegistry.class).summary("trunkline.provisioning.batch").max()).isGreaterThan(1);
	}

	@Test
	void commitsTheBatchMatesOfATrunkTheDatabaseRefusesThenThatTrunkOnceItAccepts() throws Exception {
		String refused = nextExtension();
		// The database refuses this one trunk (a trigger stands in for a failing row), so
		// the statement committing the trunks of its poll fails with it.
		sqlUpdate("""
				CREATE FUNCTION refuse_one_trunk() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.phone_number = '%s' THEN RAISE EXCEPTION 'refused by the test'; END IF;
				    RETURN NEW;
				END $$""".formatted(refused),
				"CREATE TRIGGER refuse_one_trunk BEFORE INSERT ON sip_trunks FOR EACH ROW EXECUTE FUNCTION refuse_one_trunk()");
		Map<String, Answer> accepted = new LinkedHashMap<>();
		try {
			stack.stop(stack.workers().get(0));
			accepted.put(refused, client.post(extensionTrunk(refused), "Prefer", "respond-async"));
			for (int i = 0; i < 15; i++) {
				String extension = nextExtension();
				accepted.put(extension, client.post(extensionTrunk(extension), "Prefer", "respond-async"));
			}
			awaitEventsOf(accepted.values());

			stack.startWorker();

			await().atMost(30, SECONDS)
				.until(() -> accepted.entrySet()
					.stream()
					.filter((create) -> !create.getKey().equals(refused))
					.allMatch((create) -> "provisioned".equals(statusOf(create.getValue()))));
			assertThat(statusOf(accepted.get(refused))).isEqualTo("pending");
		}
		finally {
			sqlUpdate("DROP TRIGGER refuse_one_trunk ON sip_trunks", "DROP FUNCTION refuse_one_trunk()");
		}

		// Its lease expires and the stalled-request sweeper drives it again: that attempt
		// reuses the LiveKit trunks the refused one made.
		await().atMost(30, SECONDS).until(() -> "provisioned".equals(statusOf(accepted.get(refused))));
		JsonNode trunk = client.get(accepted.get(refused).header("Location")).json().get("data").get("trunk");
		assertThat(inboundWithNumber(refused)).singleElement()
			.extracting(SIPInboundTrunkInfo::getSipTrunkId)
			.isEqualTo(trunk.get("inbound_trunk_id").asString());
		assertThat(outboundWithNumber(refused)).singleElement()
			.extracting(SIPOutboundTrunkInfo::getSipTrunkId)
			.isEqualTo(trunk.get("outbound_trunk_id").asString());
	}

	@Test
	void handlesTheRestOfAPollAroundAnUnreadableCommand() throws Exception {
		Answer earlier = client.post(extensionTrunk(nextExtension()));
		UUID announced = requestOf(earlier.json().get("data").get("id").asLong());
		stack.stop(stack.workers().get(0));
		String extension = nextExtension();
		Answer accepted = client.post(extensionTrunk(extension), "Prefer", "respond-async");
		String requestId = accepted.json().get("data").get("request_id").asString();
		ConsumerRecord<String, String> event = await().atMost(20, SECONDS)
			.until(() -> client.allKafkaRecords()
				.stream()
				.filter((r) -> r.topic().equals("trunkline.provisioning.requests") && requestId.equals(r.key()))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		String key = "poison-" + UUID.randomUUID();
		// On the same partition, after the request's event: an unreadable record,
		// then the event of a request that already ended.
		try (var producer = new KafkaProducer<String, String>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(event.topic(), event.partition(), key, "{not json")).get();
			producer
				.send(new ProducerRecord<>(event.topic(), event.partition(), announced.toString(),
						"{\"schemaVersion\":1,\"requestId\":\"" + announced
								+ "\",\"accountId\":1,\"requestedAt\":\"2026-03-31T10:00:00Z\"}"))
				.get();
		}

		stack.startWorker();

		await().atMost(30, SECONDS)
			.until(() -> client.get(accepted.header("Location")).json().get("data").get("status").asString(),
					"provisioned"::equals);
		await().atMost(30, SECONDS).until(() -> client.outcomesOf(announced) == 2);
		assertThat(client.allKafkaRecords())
			.anyMatch((r) -> r.topic().equals("trunkline.provisioning.requests.dlt") && key.equals(r.key()));
		assertThat(inboundWithNumber(extension)).hasSize(1);
		assertThat(outboundWithNumber(extension)).hasSize(1);
	}

	@Test
	void answersAcceptedWhenTheOutcomeIsSlowerThanTheWaitThenTheStatusShowsIt() {
		String extension = nextExtension();
		standIn().faults().on("CreateSIPInboundTrunk").delay(Duration.ofMillis(900)).times(1);

		Answer accepted = client.post(extensionTrunk(extension), "Prefer", "wait=0");
		Answer waited = client.post(extensionTrunk(nextExtension()), "Prefer", "wait=1");

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.header("Retry-After")).isEqualTo("1");
		await().atMost(20, SECONDS)
			.until(() -> client.get(accepted.header("Location")).json().get("data").get("status").asString(),
					"provisioned"::equals);
		assertThat(waited.status()).isIn(201, 202);
	}

	@Test
	void operatorFindsAFailedCreateAndReplaysItUntilProvisioned() {
		String extension = nextExtension();
		standIn().faults().on("CreateSIPInboundTrunk").respond(400, "invalid_argument", "refused").times(1);
		assertThat(client.post(extensionTrunk(extension)).status()).isEqualTo(500);

		JsonNode failure = null;
		for (JsonNode item : client.admin("GET", "/admin/requests/failed", ADMIN_TOKEN).json().get("data")) {
			if (item.get("phone_number").asString().equals(extension)) {
				failure = item;
			}
		}
		assertThat(failure).isNotNull();
		assertThat(failure.get("failure_reason").asString()).isEqualTo("voice_infrastructure_rejected");
		assertThat(failure.get("attempt_history")).hasSize(1);
		String requestId = failure.get("request_id").asString();
		Answer replayed = client.admin("POST", "/admin/requests/" + requestId + "/replay", ADMIN_TOKEN);

		assertThat(replayed.status()).isEqualTo(202);
		await().atMost(20, SECONDS)
			.until(() -> client.get(StackClient.TRUNKS + "/requests/" + requestId)
				.json()
				.get("data")
				.get("status")
				.asString(), "provisioned"::equals);
		assertThat(inboundWithNumber(extension)).hasSize(1);
		assertThat(outboundWithNumber(extension)).hasSize(1);
		assertThat(client.admin("POST", "/admin/requests/" + requestId + "/replay", ADMIN_TOKEN).status())
			.isEqualTo(409);
	}

	@Test
	void givesUpARequestWhoseAttemptsRanOutAndTheOperatorReplaysIt() throws Exception {
		String extension = nextExtension();
		Answer accepted = acceptedWithTenExpiredAttempts(extension);
		UUID requestId = UUID.fromString(accepted.json().get("data").get("request_id").asString());

		ConfigurableApplicationContext worker = stack.startWorker();

		await().atMost(20, SECONDS).until(() -> statusOf(accepted), "failed"::equals);
		assertThat(client.admin("GET", "/admin/requests/failed", ADMIN_TOKEN).json().get("data"))
			.filteredOn((item) -> item.get("request_id").asString().equals(requestId.toString()))
			.singleElement()
			.satisfies(
					(failure) -> assertThat(failure.get("failure_reason").asString()).isEqualTo("attempts_exhausted"));
		assertThat(worker.getBean(MeterRegistry.class)
			.counter("trunkline.provisioning.abandoned", "reason", "attempts_exhausted")
			.count()).isEqualTo(1);
		assertThat(inboundWithNumber(extension)).isEmpty();
		assertThat(client.admin("POST", "/admin/requests/" + requestId + "/replay", ADMIN_TOKEN).status())
			.isEqualTo(202);
		await().atMost(20, SECONDS).until(() -> statusOf(accepted), "provisioned"::equals);
		assertThat(inboundWithNumber(extension)).hasSize(1);
		assertThat(outboundWithNumber(extension)).hasSize(1);
	}

	/**
	 * A create whose request had ten attempts (the default bound), each of whose claims
	 * expired, while no worker runs.
	 */
	static Answer acceptedWithTenExpiredAttempts(String extension) throws SQLException {
		stack.stop(stack.workers().get(0));
		Answer accepted = client.post(extensionTrunk(extension), "Prefer", "respond-async");
		sql("UPDATE provisioning_requests SET attempts = 10, lease_until = now() - interval '1 second' "
				+ "WHERE id = ? RETURNING attempts",
				UUID.fromString(accepted.json().get("data").get("request_id").asString()));
		return accepted;
	}

	@Test
	void neverLeaksTheSipPassword() throws Exception {
		client.post(extensionTrunk(nextExtension()));
		standIn().faults().on("CreateSIPOutboundTrunk").respond(400, "invalid_argument", "refused").times(1);
		Answer failed = client.post(extensionTrunk(nextExtension()));
		assertThat(failed.status()).isEqualTo(500);

		assertThat(logs.lines()).isNotEmpty().noneMatch((line) -> line.contains(PASSWORD));
		assertThat(client.allKafkaRecords()).isNotEmpty()
			.noneMatch(
					(r) -> String.valueOf(r.value()).contains(PASSWORD) || String.valueOf(r.key()).contains(PASSWORD));
		assertThat(everyDatabaseRow()).isNotEmpty().noneMatch((row) -> row.contains(PASSWORD));
		assertThat(client.getPlain(stack.baseUrl() + "/actuator/prometheus")).doesNotContain(PASSWORD);
		assertThat(client.getPlain(workerUrl() + "/actuator/prometheus")).doesNotContain(PASSWORD);
		assertThat(client.get(StackClient.TRUNKS).body()).doesNotContain(PASSWORD);
	}

	@Test
	void exposesTheProvisioningMetrics() {
		client.post(extensionTrunk(nextExtension()));

		String worker = client.getPlain(workerUrl() + "/actuator/prometheus");
		String gateway = client.getPlain(stack.baseUrl() + "/actuator/prometheus");

		assertThat(worker).contains("trunkline_provisioning_duration_seconds_bucket")
			.contains("trunkline_provisioning_outcomes_total{")
			.contains("reason=\"none\"")
			.contains("result=\"provisioned\"")
			.containsPattern(
					"trunkline_livekit_call_duration_seconds_count\\{[^}]*code=\"ok\"[^}]*method=\"CreateSIPInboundTrunk\"")
			.contains("resilience4j_circuitbreaker_state{");
		assertThat(gateway).contains("trunkline_outbox_lag_seconds").contains("trunkline_replies_waiting");
	}

	static String extensionTrunk(String extension) {
		return """
				{"sip_trunk_type": "extension", "phone_number": "%s", "nickname": "Provider X — Main",
				 "sip_username": "myuser", "sip_password": "%s", "sip_address": "sip.provider.com",
				 "sip_calling_format": "+e164", "inbound_authorization_type": "auth", "country_code": "US"}
				""".formatted(extension, PASSWORD);
	}

	static String didTrunkWithIpAuth(String number) {
		return """
				{"sip_trunk_type": "number", "phone_number": "%s", "sip_username": "trunk_user",
				 "sip_password": "%s", "sip_address": "sip.provider.com", "sip_calling_format": "e164",
				 "inbound_authorization_type": "ip", "allowed_inbound_ips": ["203.0.113.10", "198.51.100.20"],
				 "country_code": "US", "outbound_proxy": true}
				""".formatted(number, PASSWORD);
	}

	static String nextExtension() {
		return Integer.toString(extensions.incrementAndGet());
	}

	static LiveKitStandIn standIn() {
		return stack.standIn();
	}

	static CircuitBreaker breaker() {
		return stack.workers().get(0).getBean(CircuitBreakerRegistry.class).circuitBreaker("livekit");
	}

	static String workerUrl() {
		return LocalStack.baseUrl(stack.workers().get(0));
	}

	static SIPInboundTrunkInfo inbound(String id) {
		return standIn().inboundTrunks().stream().filter((t) -> t.getSipTrunkId().equals(id)).findFirst().orElseThrow();
	}

	static SIPOutboundTrunkInfo outbound(String id) {
		return standIn().outboundTrunks()
			.stream()
			.filter((t) -> t.getSipTrunkId().equals(id))
			.findFirst()
			.orElseThrow();
	}

	static List<SIPInboundTrunkInfo> inboundWithNumber(String number) {
		return standIn().inboundTrunks().stream().filter((t) -> t.getNumbersList().contains(number)).toList();
	}

	static List<SIPOutboundTrunkInfo> outboundWithNumber(String number) {
		return standIn().outboundTrunks().stream().filter((t) -> t.getNumbersList().contains(number)).toList();
	}

	static UUID requestOf(long trunkId) {
		try (Connection db = database();
				PreparedStatement query = db.prepareStatement("SELECT request_id FROM sip_trunks WHERE id = ?")) {
			query.setLong(1, trunkId);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getObject(1, UUID.class);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static long sql(String update, UUID requestId) throws SQLException {
		try (Connection db = database(); PreparedStatement statement = db.prepareStatement(update)) {
			statement.setObject(1, requestId);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/**
	 * Waits until the events of these accepted creates are in Kafka, so that a worker
	 * started now finds them all waiting.
	 */
	static void awaitEventsOf(Collection<Answer> accepted) {
		List<String> requestIds = accepted.stream()
			.map((answer) -> answer.json().get("data").get("request_id").asString())
			.toList();
		await().atMost(20, SECONDS)
			.until(() -> client.allKafkaRecords()
				.stream()
				.filter((r) -> r.topic().equals("trunkline.provisioning.requests"))
				.map(ConsumerRecord::key)
				.toList()
				.containsAll(requestIds));
	}

	static String statusOf(Answer accepted) {
		return client.get(accepted.header("Location")).json().get("data").get("status").asString();
	}

	static void sqlUpdate(String... statements) throws SQLException {
		try (Connection db = database(); Statement statement = db.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static List<String> everyDatabaseRow() throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection db = database(); Statement statement = db.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = statement
				.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'trunkline'")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("SELECT t::text FROM trunkline.\"" + table + "\" t")) {
					while (rs.next()) {
						rows.add(rs.getString(1));
					}
				}
			}
		}
		return rows;
	}

	static Connection database() throws SQLException {
		return DriverManager.getConnection(stack.postgres().jdbcUrl() + "?currentSchema=trunkline",
				stack.postgres().username(), "");
	}

}
