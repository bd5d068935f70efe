package io.trunkline.gateway.messaging;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.ApiClient.Answer;
import io.trunkline.gateway.LocalInfrastructure;
import io.trunkline.gateway.account.AccountRegistry;
import io.trunkline.local.kafka.LocalKafka;
import io.trunkline.schema.Topics;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static io.trunkline.gateway.ApiClient.TRUNKS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway whose Kafka broker is not there when it starts, and comes later: it starts,
 * is ready on its database alone, serves reads and accepts creates into the outbox
 * (answered {@code 202} at once, as no outcome can come back); once the broker is there
 * it declares its topics, publishes what it accepted, and answers creates from their
 * outcomes again. The context has a schema of its own, so only its relay publishes its
 * outbox.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway", "spring.datasource.hikari.schema=kafka_outage_tests",
				"spring.flyway.default-schema=kafka_outage_tests", "spring.flyway.schemas=kafka_outage_tests",
				"trunkline.kafka.check-interval=200ms", "trunkline.kafka.check-timeout=500ms",
				"trunkline.outbox.poll-interval=100ms", "trunkline.reply.timeout=20s" })
@ContextConfiguration(initializers = { LocalInfrastructure.class, KafkaOutageIntegrationTests.StoppedBroker.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaOutageIntegrationTests {

	static final LocalKafka broker = stoppedBroker();

	static final String BROKER = broker.bootstrapServers();

	static String acceptedWhileAway;

	@Autowired
	AccountRegistry accounts;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JsonMapper json;

	ApiClient api;

	@BeforeEach
	void openAccount() {
		this.api = ApiClient.forNewAccount(this.environment, this.accounts);
	}

	@AfterAll
	static void closeBroker() {
		broker.close();
	}

	@Test
	@Order(1)
	void startsReadyServesReadsAndAcceptsCreatesWithoutKafka() {
		Answer readiness = this.api.get("/actuator/health/readiness");
		Answer health = this.api.get("/actuator/health");
		Answer accepted = this.api.post(TRUNKS, extensionTrunk("8100"));
		Answer list = this.api.get(TRUNKS);

		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().get("components").get("kafka").get("status").asString()).isEqualTo("DOWN");
		assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(kafkaUp()).isZero();
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		assertThat(accepted.header("Location")).startsWith(TRUNKS + "/requests/");
		assertThat(list.status()).isEqualTo(200);
		acceptedWhileAway = accepted.json().get("data").get("request_id").asString();
		assertThat(this.api.get(accepted.header("Location")).json().get("data").get("status").asString())
			.isEqualTo("pending");
		assertThat(outboxEventsKeyed(acceptedWhileAway)).isEqualTo(1);
		assertThat(this.meters.get("trunkline.replies.declined").tag("reason", "kafka_unreachable").counter().count())
			.isPositive();
	}

	@Test
	@Order(2)
	void publishesWhatItAcceptedAndAnswersFromOutcomesOnceTheBrokerComes() throws Exception {
		broker.restartBroker();

		await().atMost(30, SECONDS).until(() -> outboxEventsKeyed(acceptedWhileAway) == 0);
		assertThat(kafkaUp()).isEqualTo(1);
		assertThat(recordsKeyed(Topics.PROVISIONING_REQUESTS, acceptedWhileAway)).hasSize(1);
		Answer health = this.api.get("/actuator/health");
		assertThat(health.json().get("components").get("kafka").get("status").asString()).isEqualTo("UP");

		CompletableFuture<HttpResponse<String>> waiting = postAsync(extensionTrunk("8101"));
		String requestId = await().atMost(30, SECONDS)
			.until(() -> pendingRequestFor("8101"), (id) -> id != null && outboxEventsKeyed(id) == 0);
		publishOutcome(TrunkProvisioned.of(UUID.fromString(requestId), 1, 42, "ST_inboundAAAAA", "ST_outboundAAAA",
				Instant.now()));

		HttpResponse<String> created = waiting.get(30, TimeUnit.SECONDS);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(this.json.readTree(created.body()).get("data").get("id").asLong()).isEqualTo(42);
	}

	private double kafkaUp() {
		return this.meters.get("trunkline.kafka.up").gauge().value();
	}

	private long outboxEventsKeyed(String key) {
		return this.jdbc.sql("SELECT count(*) FROM outbox_events WHERE event_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	private String pendingRequestFor(String phoneNumber) {
		return this.jdbc.sql("SELECT id::text FROM provisioning_requests WHERE phone_number = ? AND status = 'pending'")
			.param(phoneNumber)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private CompletableFuture<HttpResponse<String>> postAsync(String body) {
		HttpRequest request = this.api.request(TRUNKS)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	private void publishOutcome(ProvisioningOutcome outcome) throws Exception {
		try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER),
				new StringSerializer(), new StringSerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.PROVISIONING_OUTCOMES, outcome.requestId().toString(),
						this.json.writeValueAsString(outcome)))
				.get(10, TimeUnit.SECONDS);
		}
	}

	private static List<ConsumerRecord<String, String>> recordsKeyed(String topic, String key) {
		try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo partition : consumer.partitionsFor(topic)) {
				partitions.add(new TopicPartition(topic, partition.partition()));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> keyed = new ArrayList<>();
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						keyed.add(record);
					}
				}
			}
			return keyed;
		}
	}

	private static String extensionTrunk(String extension) {
		return """
				{"sip_trunk_type": "extension", "phone_number": "%s", "sip_username": "myuser",
				 "sip_password": "correct-horse-battery", "sip_address": "sip.provider.com",
				 "sip_calling_format": "+e164", "inbound_authorization_type": "auth", "country_code": "US"}
				""".formatted(extension);
	}

	/**
	 * A broker of the test's own, with no topics, stopped before the gateway starts.
	 */
	private static LocalKafka stoppedBroker() {
		LocalKafka kafka = LocalKafka.start();
		kafka.stopBroker();
		return kafka;
	}

	/**
	 * Points the gateway at the stopped broker instead of the JVM's shared one.
	 */
	static class StoppedBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("stopped-broker", Map.of("spring.kafka.bootstrap-servers", BROKER)));
		}

	}

}
