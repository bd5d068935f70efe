package io.trunkline.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import kafka.server.BrokerServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode, in this JVM ({@code spring-kafka-test}'s
 * {@link EmbeddedKafkaKraftBroker}). Topics are left to the services, which declare their
 * own with the partition count they are configured for.
 * <p>
 * Tests take the broker away and bring it back, as an outage would: {@link #stopBroker()}
 * closes its listener (the node's KRaft controller keeps the cluster's metadata) and
 * {@link #restartBroker()} opens it again on the same port with the same logs, so clients
 * reconnect to the address they were given and find every record they had written.
 */
public final class LocalKafka implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalKafka.class);

	private final EmbeddedKafkaKraftBroker broker;

	private final Path logDir;

	private LocalKafka(EmbeddedKafkaKraftBroker broker, Path logDir) {
		this.broker = broker;
		this.logDir = logDir;
	}

	/**
	 * Starts a single-node broker on a free port.
	 * @return the running broker
	 */
	public static LocalKafka start() {
		Path logDir = tempLogDir();
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		// No linger on the group coordinator's appends: an offset commit is answered at
		// once, not batched for 5 ms.
		broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
				"offsets.topic.num.partitions", "4", "group.coordinator.append.linger.ms", "0", "log.dir",
				logDir.toString()));
		broker.afterPropertiesSet();
		logger.info("In-process Kafka broker (KRaft) is listening on {}", broker.getBrokersAsString());
		return new LocalKafka(broker, logDir);
	}

	private static Path tempLogDir() {
		try {
			return Files.createTempDirectory("trunkline-kafka");
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

	/**
	 * Takes the broker away: clients can no longer connect to {@link #bootstrapServers()}
	 * until {@link #restartBroker()}.
	 */
	public void stopBroker() {
		for (BrokerServer server : this.broker.getCluster().brokers().values()) {
			server.shutdown();
			server.awaitShutdown();
		}
		logger.info("In-process Kafka broker on {} is stopped", bootstrapServers());
	}

	/**
	 * Brings a stopped broker back on the same port with the records it had.
	 */
	public void restartBroker() {
		for (BrokerServer server : this.broker.getCluster().brokers().values()) {
			server.startup();
		}
		try {
			this.broker.getCluster().waitForReadyBrokers();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("The restarted Kafka broker did not become ready", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the Kafka broker restarted", ex);
		}
		logger.info("In-process Kafka broker on {} is listening again", bootstrapServers());
	}

	@Override
	public void close() {
		this.broker.destroy();
		try (Stream<Path> paths = Files.walk(this.logDir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			logger.debug("Could not remove {}: {}", this.logDir, ex.toString());
		}
	}

}
