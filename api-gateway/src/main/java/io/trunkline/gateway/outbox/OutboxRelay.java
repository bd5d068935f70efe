package io.trunkline.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.gateway.messaging.KafkaBroker;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes outbox events to Kafka and deletes them once the broker acknowledged them.
 * <p>
 * One relay thread per gateway replica. It is woken after every commit that appended an
 * event (at once for an event appended by a statement outside any transaction), so an
 * event leaves within a broker round trip of its commit; a poll every
 * {@link OutboxSettings#pollInterval()} picks up whatever a crash left behind.
 * <p>
 * A round holds no transaction, row lock or pooled connection while it waits for Kafka:
 * one statement claims a batch (stamping {@code claimed_until}, choosing rows with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas never claim the same row and a sequence
 * value committed late is never skipped: there is no id cursor), the events are sent, the
 * relay waits until every send is acknowledged or has failed (the producer's
 * {@code delivery.timeout.ms} bounds that), then one statement deletes the acknowledged
 * rows and another releases the rest for the next round. Nothing is sent again while an
 * earlier send of it may still be delivered: a send that timed out has failed for good by
 * then, and the claim outlasts every send (checked at start-up). An event can still reach
 * Kafka twice (its acknowledgement was lost, or the delete failed, or the replica died
 * before it): consumers are idempotent (docs/architecture.md).
 * <p>
 * While the broker is unreachable ({@link KafkaBroker}) the relay claims nothing, and
 * after a failed round it backs off, doubling from the poll interval up to
 * {@link OutboxSettings#maxBackoff()}. The thread survives any {@link Throwable}: each
 * failure is logged and counted ({@code trunkline.outbox.relay.errors}), and the relay
 * goes on, because a relay that stopped silently would let the gateway go on accepting
 * creates that are never provisioned. That holds for {@link VirtualMachineError}s too:
 * the JVM's own policy ({@code -XX:+ExitOnOutOfMemoryError} in the image) ends a broken
 * process, and a stack overflow ends only the round it happened in.
 */
@Component
class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final KafkaTemplate<String, String> kafka;

	private final KafkaBroker broker;

	private final OutboxSettings settings;

	private final Semaphore wakeUps = new Semaphore(0);

	private final Counter published;

	private final Timer waited;

	private final MeterRegistry meters;

	private volatile boolean running;

	private Thread thread;

	OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, KafkaBroker broker, OutboxSettings settings,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.broker = broker;
		this.settings = settings;
		this.meters = meters;
		this.published = Counter.builder("trunkline.outbox.published")
			.description("Outbox events published to Kafka")
			.register(meters);
		this.waited = Timer.builder("trunkline.outbox.wait")
			.description("How long an event waited in the outbox, from its transaction to the relay's claim")
			.register(meters);
		Duration longestSend = longestSend(kafka.getProducerFactory().getConfigurationProperties());
		if (settings.claim().compareTo(longestSend) <= 0) {
			throw new IllegalStateException(
					"trunkline.outbox.claim (" + settings.claim() + ") must outlast the longest "
							+ "a send can take to be acknowledged or to fail, the producer's max.block.ms plus "
							+ "delivery.timeout.ms (" + longestSend
							+ "); otherwise an event is sent again while its first " + "send may still be delivered");
		}
	}

	private static Duration longestSend(Map<String, Object> producer) {
		return Duration.ofMillis(millis(producer, ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000)
				+ millis(producer, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000));
	}

	private static long millis(Map<String, Object> config, String name, long kafkaDefault) {
		Object value = config.get(name);
		return (value != null) ? Long.parseLong(value.toString().trim()) : kafkaDefault;
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
				// A round in progress stops waiting for its sends within a poll interval.
				this.thread.join(this.settings.pollInterval().plusSeconds(5).toMillis());
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
		int failures = 0;
		while (this.running) {
			try {
				awaitNextRound(failures);
				if (!this.running || !this.broker.isReachable()) {
					// Nothing can be published; the events wait in the outbox.
					continue;
				}
				Round round;
				do {
					round = relayBatch();
				}
				while (round.failure() == null && round.claimed() == this.settings.batchSize() && this.running);
				if (round.failure() == null) {
					failures = 0;
				}
				else {
					failures++;
					countError(round.failure());
					logger.warn(
							"Kafka did not acknowledge {} of {} claimed outbox events ({}); they stay in the outbox and "
									+ "the relay tries again in {} ms",
							round.claimed() - round.published(), round.claimed(), round.failure().toString(),
							backoff(failures));
				}
			}
			catch (InterruptedException ex) {
				// Only stop() should end the relay; it clears running first.
				Thread.interrupted();
			}
			catch (Throwable ex) {
				failures++;
				countError(ex);
				logger.error("The outbox relay failed; it goes on and tries again in {} ms", backoff(failures), ex);
			}
		}
	}

	/**
	 * Waits for a wake-up or the poll interval; after failures, for the whole back-off,
	 * whatever wakes it meanwhile (only a stop ends it early).
	 */
	private void awaitNextRound(int failures) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff(failures));
		do {
			boolean woken = this.wakeUps.tryAcquire(until - System.nanoTime(), TimeUnit.NANOSECONDS);
			this.wakeUps.drainPermits();
			if (woken && failures == 0) {
				return;
			}
		}
		while (this.running && System.nanoTime() < until);
	}

	private long backoff(int failures) {
		long poll = this.settings.pollInterval().toMillis();
		if (failures == 0) {
			return poll;
		}
		long doubled = poll << Math.min(failures - 1, 20);
		return Math.min(doubled, this.settings.maxBackoff().toMillis());
	}

	private void countError(Throwable failure) {
		Counter.builder("trunkline.outbox.relay.errors")
			.description("Relay rounds that failed: events Kafka did not acknowledge, or anything else that went wrong")
			.tag("exception", failure.getClass().getSimpleName())
			.register(this.meters)
			.increment();
	}

	/**
	 * Claims one batch, sends it, waits for every send to be acknowledged or to fail,
	 * deletes the acknowledged events and releases the others. Holds a database
	 * connection only for each of its statements.
	 * @return what the round did
	 */
	Round relayBatch() {
		long claimedAt = System.nanoTime();
		List<OutboxEvent> batch = claim();
		if (batch.isEmpty()) {
			return new Round(0, 0, null);
		}
		batch.forEach((event) -> this.waited.record(Math.max(0, event.waitedMicros()), TimeUnit.MICROSECONDS));
		List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
		Throwable notSent = null;
		try {
			for (OutboxEvent event : batch) {
				CompletableFuture<?> send = this.kafka.send(record(event));
				sends.add(send);
				if (send.isCompletedExceptionally()) {
					// Refused at once (no metadata within max.block.ms: the broker is
					// away): the rest of the batch would only wait as long each.
					break;
				}
			}
		}
		catch (Throwable ex) {
			notSent = ex;
		}
		Round round = settle(batch, sends, claimedAt);
		if (notSent instanceof Error error) {
			throw error;
		}
		if (notSent instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (notSent != null) {
			throw new IllegalStateException("An outbox event could not be sent", notSent);
		}
		return round;
	}

	private List<OutboxEvent> claim() {
		return this.jdbc.sql("""
				UPDATE outbox_events SET claimed_until = now() + ? * interval '1 millisecond'
				WHERE id IN (
				    SELECT id FROM outbox_events
				    WHERE claimed_until IS NULL OR claimed_until < now()
				    ORDER BY id LIMIT ?
				    FOR UPDATE SKIP LOCKED)
				RETURNING id, topic, event_key, event_type, payload,
				    CAST(EXTRACT(EPOCH FROM clock_timestamp() - created_at) * 1000000 AS bigint) AS waited_micros
				""")
			.params(this.settings.claim().toMillis(), this.settings.batchSize())
			.query(OutboxEvent.class)
			.list()
			.stream()
			.sorted(Comparator.comparingLong(OutboxEvent::id))
			.toList();
	}

	private static ProducerRecord<String, String> record(OutboxEvent event) {
		ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.eventKey(), event.payload());
		record.headers().add("event_type", event.eventType().getBytes(StandardCharsets.UTF_8));
		return record;
	}

	/**
	 * Waits until every send has resolved (or the claim is about to run out, or the relay
	 * stops), then deletes what was acknowledged and releases what failed or was not
	 * sent. A send still unresolved keeps its claim: its event is claimed again only
	 * after the claim ran out.
	 */
	private Round settle(List<OutboxEvent> batch, List<CompletableFuture<?>> sends, long claimedAt) {
		long deadline = claimedAt + this.settings.claim().toNanos() - this.settings.pollInterval().toNanos();
		Throwable failure = awaitResolved(sends, deadline);
		List<Long> acknowledged = new ArrayList<>();
		List<Long> released = new ArrayList<>();
		int unresolved = 0;
		for (int i = 0; i < batch.size(); i++) {
			long id = batch.get(i).id();
			CompletableFuture<?> send = (i < sends.size()) ? sends.get(i) : null;
			if (send == null || send.isCompletedExceptionally()) {
				released.add(id);
			}
			else if (send.isDone()) {
				acknowledged.add(id);
			}
			else {
				unresolved++;
			}
		}
		if (!acknowledged.isEmpty()) {
			this.jdbc.sql("DELETE FROM outbox_events WHERE id = ANY(?)")
				.param(acknowledged.toArray(Long[]::new))
				.update();
			this.published.increment(acknowledged.size());
		}
		if (!released.isEmpty()) {
			this.jdbc.sql("UPDATE outbox_events SET claimed_until = NULL WHERE id = ANY(?)")
				.param(released.toArray(Long[]::new))
				.update();
		}
		if (unresolved > 0 && failure == null) {
			failure = new TimeoutException(
					unresolved + " sends were neither acknowledged nor failed when their claim was "
							+ "about to run out, or the relay stopped");
		}
		return new Round(batch.size(), acknowledged.size(), failure);
	}

	/**
	 * @return the first failure among the sends, or {@code null}
	 */
	private Throwable awaitResolved(List<CompletableFuture<?>> sends, long deadline) {
		CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
		while (true) {
			try {
				all.get(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				return null;
			}
			catch (ExecutionException ex) {
				return (ex.getCause() != null) ? ex.getCause() : ex;
			}
			catch (TimeoutException ex) {
				if (!this.running || System.nanoTime() - deadline > 0) {
					return firstFailure(sends);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return firstFailure(sends);
			}
		}
	}

	private static Throwable firstFailure(List<CompletableFuture<?>> sends) {
		for (CompletableFuture<?> send : sends) {
			if (send.isCompletedExceptionally()) {
				try {
					send.join();
				}
				catch (CompletionException | CancellationException ex) {
					return (ex.getCause() != null) ? ex.getCause() : ex;
				}
			}
		}
		return null;
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

	/**
	 * A claimed event.
	 *
	 * @param waitedMicros how long it waited for its claim, from its row's
	 * {@code created_at} (its transaction's start)
	 */
	record OutboxEvent(long id, String topic, String eventKey, String eventType, String payload, long waitedMicros) {
	}

	/**
	 * One round of the relay.
	 *
	 * @param claimed the events it claimed
	 * @param published the events Kafka acknowledged, now deleted
	 * @param failure why the others were not, or {@code null}
	 */
	record Round(int claimed, int published, Throwable failure) {
	}

}
