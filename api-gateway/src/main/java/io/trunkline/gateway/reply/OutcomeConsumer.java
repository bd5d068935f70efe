package io.trunkline.gateway.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.gateway.messaging.BrokerChecked;
import io.trunkline.gateway.messaging.KafkaBroker;
import io.trunkline.schema.Topics;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.stereotype.Component;

/**
 * Reads every provisioning outcome and hands each to the request waiting for it on this
 * replica, if any.
 * <p>
 * Every gateway replica reads the whole outcome topic with partitions assigned directly
 * (no consumer group membership): a replica joining or leaving never triggers a
 * rebalance, so no replica stalls, and the replica that holds an HTTP request always sees
 * its outcome, whichever worker published it. Reading starts at the end of each partition
 * when the replica starts; anything it could have missed is answered from the database,
 * the source of truth. Outcomes are a few hundred bytes, so each replica reading all of
 * them is cheap; past thousands of creates per second per replica, per-replica reply
 * partitions would be the next step (see docs/architecture.md).
 * <p>
 * It starts reading once the broker is reachable, at start-up or later: the gateway
 * starts and serves without Kafka. While no outcome can arrive (not reading yet, or the
 * broker unreachable) {@link PendingReplies} holds no create, so each is answered
 * {@code 202} at once. Outcomes are read by request id and only those a request here
 * awaits are delivered, so an outcome read twice (the worker publishes again on a
 * duplicate command) answers nothing twice.
 */
@Component
class OutcomeConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutcomeConsumer.class);

	private final KafkaAdmin admin;

	private final KafkaProperties kafkaProperties;

	private final PendingReplies replies;

	private final JsonMapper json;

	private final Timer delivery;

	private final KafkaBroker broker;

	private KafkaMessageListenerContainer<String, String> container;

	private boolean running;

	OutcomeConsumer(KafkaAdmin admin, KafkaBroker broker, KafkaProperties kafkaProperties, PendingReplies replies,
			JsonMapper json, MeterRegistry meters) {
		this.admin = admin;
		this.broker = broker;
		this.kafkaProperties = kafkaProperties;
		this.replies = replies;
		this.json = json;
		this.delivery = Timer.builder("trunkline.replies.delivery")
			.description("From a worker committing an outcome to the waiting request receiving it (clocks of different "
					+ "hosts add their skew)")
			.register(meters);
	}

	@Override
	public void start() {
		synchronized (this) {
			this.running = true;
		}
		if (this.broker.isReachable()) {
			startReading();
		}
		else {
			logger.info("Provisioning outcomes are read once the Kafka broker is reachable; until then creates are "
					+ "answered 202");
		}
	}

	/**
	 * Starts reading once the broker is reachable, and tells the waiting creates whether
	 * outcomes can arrive. Once started, the consumer reconnects by itself after an
	 * outage and goes on from where it was.
	 */
	@EventListener
	void onBrokerChecked(BrokerChecked checked) {
		if (checked.reachable()) {
			startReading();
		}
		else {
			this.replies.outcomesArrive(false);
		}
	}

	private synchronized void startReading() {
		if (!this.running) {
			return;
		}
		if (this.container == null) {
			try {
				this.container = newContainer();
			}
			catch (RuntimeException ex) {
				logger.warn(
						"Could not start reading provisioning outcomes; trying again at the next check of the broker: "
								+ "{}",
						ex.toString());
				return;
			}
			this.container.start();
		}
		this.replies.outcomesArrive(this.container.isRunning());
	}

	private KafkaMessageListenerContainer<String, String> newContainer() {
		Map<String, TopicDescription> topics = this.admin.describeTopics(Topics.PROVISIONING_OUTCOMES);
		int partitions = topics.get(Topics.PROVISIONING_OUTCOMES).partitions().size();
		TopicPartitionOffset[] assignment = IntStream.range(0, partitions)
			.mapToObj((p) -> new TopicPartitionOffset(Topics.PROVISIONING_OUTCOMES, p,
					TopicPartitionOffset.SeekPosition.END))
			.toArray(TopicPartitionOffset[]::new);
		Map<String, Object> config = this.kafkaProperties.buildConsumerProperties();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		var factory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer());
		ContainerProperties properties = new ContainerProperties(assignment);
		properties.setAckMode(ContainerProperties.AckMode.MANUAL);
		properties.setMessageListener((MessageListener<String, String>) this::onOutcome);
		var container = new KafkaMessageListenerContainer<>(factory, properties);
		container.setBeanName("outcome-consumer");
		logger.info("Reading provisioning outcomes from all {} partitions of {}", partitions,
				Topics.PROVISIONING_OUTCOMES);
		return container;
	}

	private void onOutcome(ConsumerRecord<String, String> record) {
		if (!awaitedHere(record.key())) {
			return;
		}
		ProvisioningOutcome outcome;
		try {
			outcome = this.json.readValue(record.value(), ProvisioningOutcome.class);
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an unreadable outcome at {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
			return;
		}
		try {
			Instant received = Instant.now();
			if (this.replies.deliver(outcome)) {
				this.delivery.record(Duration.between(outcome.occurredAt(), received));
				logger.debug("Delivered the outcome of request {} to its waiting request", outcome.requestId());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not answer request {} from its outcome: {}", outcome.requestId(), ex.toString());
		}
	}

	/**
	 * Outcomes are keyed by request id: most of those a replica reads belong to requests
	 * other replicas hold, and are skipped without parsing them.
	 */
	private boolean awaitedHere(String key) {
		if (key == null) {
			return true;
		}
		try {
			return this.replies.isWaiting(UUID.fromString(key));
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.replies.outcomesArrive(false);
		if (this.container != null) {
			this.container.stop();
			this.container = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 300;
	}

}
