package io.trunkline.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode, in this JVM ({@code spring-kafka-test}'s
 * {@link EmbeddedKafkaKraftBroker}). Topics are left to the services, which declare their
 * own with the partition count they are configured for.
 */
public final class LocalKafka implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalKafka.class);

	private final EmbeddedKafkaKraftBroker broker;

	private LocalKafka(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	/**
	 * Starts a single-node broker on a free port.
	 * @return the running broker
	 */
	public static LocalKafka start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		// No linger on the group coordinator's appends: an offset commit is answered at
		// once, not batched for 5 ms.
		broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
				"offsets.topic.num.partitions", "4", "group.coordinator.append.linger.ms", "0", "log.dir",
				tempLogDir()));
		broker.afterPropertiesSet();
		logger.info("In-process Kafka broker (KRaft) is listening on {}", broker.getBrokersAsString());
		return new LocalKafka(broker);
	}

	private static String tempLogDir() {
		try {
			return Files.createTempDirectory("trunkline-kafka").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the {@code bootstrap.servers} of the broker
	 */
	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}
