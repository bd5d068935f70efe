package io.trunkline.local.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The in-process broker as tests use it for an outage: stopped, it refuses clients;
 * restarted, it listens on the same address with the records it had.
 */
class LocalKafkaTests {

	static LocalKafka kafka;

	@BeforeAll
	static void startBroker() {
		kafka = LocalKafka.start();
	}

	@AfterAll
	static void closeBroker() {
		kafka.close();
	}

	@Test
	void comesBackOnTheSameAddressWithTheRecordsItHad() throws Exception {
		String address = kafka.bootstrapServers();
		try (AdminClient admin = admin()) {
			admin.createTopics(List.of(new NewTopic("outage-test", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
		}
		try (var producer = producer()) {
			producer.send(new ProducerRecord<>("outage-test", "before", "written before the outage"))
				.get(10, TimeUnit.SECONDS);
		}

		kafka.stopBroker();

		try (AdminClient admin = admin()) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(500))
					.clusterId()
					.get(5, TimeUnit.SECONDS));
		}

		kafka.restartBroker();

		assertThat(kafka.bootstrapServers()).isEqualTo(address);
		try (var producer = producer()) {
			producer.send(new ProducerRecord<>("outage-test", "after", "written after the outage"))
				.get(30, TimeUnit.SECONDS);
		}
		assertThat(readAll("outage-test")).containsExactly("before", "after");
	}

	private static AdminClient admin() {
		return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

	private static List<String> readAll(String topic) {
		try (var consumer = new KafkaConsumer<String, String>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			List<String> keys = new ArrayList<>();
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
					keys.add(record.key());
				}
			}
			return keys;
		}
	}

}
