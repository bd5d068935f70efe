package io.trunkline.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox events to Kafka and deletes them once the broker acknowledged them.
 * <p>
 * One relay thread per gateway replica. It is woken after every commit that appended an
 * event (at once for an event appended by a statement outside any transaction), so an
 * event leaves within a broker round trip of its commit; a poll every
 * {@link OutboxSettings#pollInterval()} picks up whatever a crash left behind. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} inside the publishing transaction, so
 * replicas never publish the same row concurrently and a sequence value committed late is
 * never skipped (there is no id cursor). A crash between the broker's acknowledgement and
 * the delete publishes an event twice: consumers are idempotent.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxSettings settings;

	private final Semaphore wakeUps = new Semaphore(0);

	private final Counter published;

	private final MeterRegistry meters;

	private volatile boolean running;

	private Thread thread;

	OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			OutboxSettings settings, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.settings = settings;
		this.meters = meters;
		this.published = Counter.builder("trunkline.outbox.published")
			.description("Outbox events published to Kafka")
			.register(meters);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void afterCommit(Outbox.OutboxAppended appended) {
		this.wakeUps.release();
	}

	@Override
	public void start() {
		Gauge.builder("trunkline.outbox.lag.seconds", this, OutboxRelay::oldestEventAgeSeconds)
			.description("Age of the oldest event still waiting in the outbox")
			.register(this.meters);
		Gauge.builder("trunkline.outbox.pending", this, OutboxRelay::pendingEvents)
			.description("Events waiting in the outbox")
			.register(this.meters);
		this.running = true;
		this.thread = new Thread(this::relay, "outbox-relay");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.wakeUps.release();
		if (this.thread != null) {
			try {
				this.thread.join(this.settings.sendTimeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Start after the Kafka producer is usable, stop before it is closed.
		return Integer.MAX_VALUE - 200;
	}

	private void relay() {
		while (this.running) {
			try {
				this.wakeUps.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				this.wakeUps.drainPermits();
				int relayed;
				do {
					relayed = relayBatch();
				}
				while (relayed == this.settings.batchSize() && this.running);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("The outbox relay could not publish; it retries at its next poll: {}", ex.toString());
				sleepQuietly();
			}
		}
	}

	/**
	 * Claims, publishes and deletes one batch in one transaction.
	 * @return how many events were relayed
	 */
	int relayBatch() {
		Integer count = this.transactions.execute((status) -> {
			List<OutboxEvent> batch = this.jdbc
				.sql("SELECT id, topic, event_key, event_type, payload FROM outbox_events ORDER BY id LIMIT ? "
						+ "FOR UPDATE SKIP LOCKED")
				.param(this.settings.batchSize())
				.query(OutboxEvent.class)
				.list();
			if (batch.isEmpty()) {
				return 0;
			}
			List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
			for (OutboxEvent event : batch) {
				ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.eventKey(),
						event.payload());
				record.headers().add("event_type", event.eventType().getBytes(StandardCharsets.UTF_8));
				sends.add(this.kafka.send(record));
			}
			try {
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
					.get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				// Roll back: the rows stay and are claimed again; whatever did reach the
				// broker is sent twice.
				throw new IllegalStateException("Kafka did not acknowledge an outbox batch", ex);
			}
			Long[] ids = batch.stream().map(OutboxEvent::id).toArray(Long[]::new);
			this.jdbc.sql("DELETE FROM outbox_events WHERE id = ANY(?)").param(ids).update();
			this.published.increment(batch.size());
			return batch.size();
		});
		return (count != null) ? count : 0;
	}

	private double oldestEventAgeSeconds() {
		// An empty outbox has no oldest event: no lag (min() is NULL, which single()
		// refuses).
		return this.jdbc.sql("SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM outbox_events")
			.query(Double.class)
			.single();
	}

	private double pendingEvents() {
		return this.jdbc.sql("SELECT count(*) FROM outbox_events").query(Long.class).single();
	}

	private void sleepQuietly() {
		try {
			Thread.sleep(this.settings.pollInterval().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record OutboxEvent(long id, String topic, String eventKey, String eventType, String payload) {
	}

}
