package io.trunkline.gateway.containers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.trunkline.gateway.ApiClient;
import io.trunkline.gateway.ApiClient.Answer;
import io.trunkline.gateway.account.AccountRegistry;
import io.trunkline.schema.Topics;
import io.trunkline.schema.secret.SecretCipher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on the production images of its infrastructure (PostgreSQL 16 and Apache
 * Kafka in containers), where a Docker engine is available; skipped cleanly where it is
 * not.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway", "trunkline.topics.partitions=2" })
class ContainerInfrastructureIntegrationTests {

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

	@Container
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", postgres::getJdbcUrl);
		registry.add("spring.datasource.username", postgres::getUsername);
		registry.add("spring.datasource.password", postgres::getPassword);
		registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
		registry.add("trunkline.secrets.keys", SecretCipher::randomKeyRing);
	}

	@Autowired
	AccountRegistry accounts;

	@Autowired
	Environment environment;

	@Test
	void recordsACreateAndRelaysItsEventToKafka() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.environment.getProperty("local.server.port"),
				this.accounts.open("containers").token());

		Answer answer = api.post(ApiClient.TRUNKS, """
				{"sip_trunk_type": "extension", "phone_number": "1000", "sip_username": "myuser",
				 "sip_password": "s3cret-pass", "sip_address": "sip.provider.com", "sip_calling_format": "+e164",
				 "inbound_authorization_type": "auth", "country_code": "US"}
				""", "Prefer", "respond-async");

		assertThat(answer.status()).isEqualTo(202);
		String requestId = answer.json().get("data").get("request_id").asString();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.PROVISIONING_REQUESTS));
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> keys.add(record.key()));
				return keys.contains(requestId);
			});
		}
	}

}
