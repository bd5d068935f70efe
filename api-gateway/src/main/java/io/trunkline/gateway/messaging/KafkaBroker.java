package io.trunkline.gateway.messaging;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether this gateway reaches the Kafka broker, checked every
 * {@link BrokerSettings#checkInterval()} on a thread of its own, and the declaration of
 * the gateway's topics once it does.
 * <p>
 * Kafka is not needed to serve reads or to accept creates (the outbox holds their events
 * until the broker is back), so nothing waits for the broker: the gateway starts without
 * it, its readiness reflects the database alone, and this check feeds the {@code kafka}
 * health indicator, the {@code trunkline.kafka.up} gauge and a {@link BrokerChecked}
 * event after every check. Topics are declared at the first check that reaches the
 * broker, at start-up or whenever it comes, instead of by {@link KafkaAdmin} while the
 * context starts (which would hold the start-up for its operation timeout).
 */
@Component
public class KafkaBroker implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(KafkaBroker.class);

	private final KafkaAdmin kafkaAdmin;

	private final NewTopic[] topics;

	private final BrokerSettings settings;

	private final ApplicationEventPublisher events;

	private final AdminClient admin;

	private final String bootstrapServers;

	private volatile Check last;

	private ScheduledExecutorService checks;

	KafkaBroker(KafkaAdmin kafkaAdmin, TopicSettings topics, BrokerSettings settings, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.kafkaAdmin = kafkaAdmin;
		this.topics = Topics.declared(topics);
		this.settings = settings;
		this.events = events;
		Map<String, Object> config = kafkaAdmin.getConfigurationProperties();
		this.bootstrapServers = String.valueOf(config.get("bootstrap.servers"));
		this.admin = AdminClient.create(config);
		Gauge.builder("trunkline.kafka.up", this, (broker) -> broker.isReachable() ? 1 : 0)
			.description("1 when the last check reached the Kafka broker, 0 when it did not")
			.register(meters);
	}

	/**
	 * @return whether the last check reached the broker and the gateway's topics exist
	 */
	public boolean isReachable() {
		Check check = this.last;
		return check != null && check.reachable();
	}

	/**
	 * @return what the last check found, {@code null} before the first
	 */
	Check lastCheck() {
		return this.last;
	}

	@Override
	public void start() {
		// The first check on the starting thread, bounded by the check timeout: when the
		// broker is there, creates wait for their outcome from the first request on.
		check();
		this.checks = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "kafka-check");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.checkInterval().toMillis();
		this.checks.scheduleWithFixedDelay(this::checkSurvivingAnything, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.checks != null) {
			this.checks.shutdownNow();
			this.checks = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.checks != null;
	}

	@Override
	public int getPhase() {
		// Before the outcome consumer and the relay, which act on what it finds.
		return Integer.MAX_VALUE - 400;
	}

	/**
	 * A scheduled task that throws is never run again: whatever a check or a listener of
	 * its event throws is logged, and the next check runs as planned.
	 */
	private void checkSurvivingAnything() {
		try {
			check();
		}
		catch (Throwable ex) {
			logger.error("Checking the Kafka broker at {} failed; the next check runs in {}", this.bootstrapServers,
					this.settings.checkInterval(), ex);
		}
	}

	private void check() {
		// Runs on one thread at a time (the starting thread, then the scheduler's).
		Check previous = this.last;
		boolean wasReachable = previous != null && previous.reachable();
		Check current;
		try {
			long timeout = this.settings.checkTimeout().toMillis();
			var cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout));
			String clusterId = cluster.clusterId().get(timeout + 1000, TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(timeout + 1000, TimeUnit.MILLISECONDS).size();
			if (!wasReachable) {
				// Again after every outage: a broker that came back without its data has
				// lost the topics too.
				this.kafkaAdmin.createOrModifyTopics(this.topics);
			}
			current = new Check(true, clusterId, nodes, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (Exception ex) {
			current = new Check(false, null, 0, problem(ex));
		}
		this.last = current;
		if (current.reachable() && !wasReachable) {
			logger.info("The Kafka broker at {} is reachable (cluster {}) and the gateway's topics exist",
					this.bootstrapServers, current.clusterId());
		}
		else if (!current.reachable() && (wasReachable || previous == null)) {
			logger.warn("The Kafka broker at {} is unreachable ({}); creates are still accepted into the outbox and "
					+ "answered 202 until it is back", this.bootstrapServers, current.problem());
		}
		this.events.publishEvent(new BrokerChecked(current.reachable()));
	}

	private static String problem(Throwable ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	@Override
	public void destroy() {
		this.admin.close();
	}

	/**
	 * What one check found.
	 *
	 * @param reachable whether the broker answered and the topics exist
	 * @param clusterId the cluster's id, when reachable
	 * @param nodes the cluster's nodes, when reachable
	 * @param problem why it was not reachable, or {@code null}
	 */
	record Check(boolean reachable, String clusterId, int nodes, String problem) {
	}

}
