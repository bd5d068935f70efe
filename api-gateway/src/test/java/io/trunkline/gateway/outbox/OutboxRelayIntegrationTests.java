package io.trunkline.gateway.outbox;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.trunkline.gateway.LocalInfrastructure;
import io.trunkline.gateway.outbox.OutboxRelay.Round;
import io.trunkline.schema.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

/**
 * The relay under Kafka trouble, with the producer's answers in the test's hands: it
 * never sends an event again while an earlier send of it may still be delivered, and it
 * keeps relaying after anything at all is thrown at it. The context has a schema of its
 * own, so no other test context's relay claims these events.
 */
@SpringBootTest(properties = { "spring.config.name=gateway", "spring.datasource.hikari.schema=relay_tests",
		"spring.flyway.default-schema=relay_tests", "spring.flyway.schemas=relay_tests",
		"trunkline.outbox.poll-interval=100ms", "trunkline.outbox.max-backoff=200ms" })
@ContextConfiguration(initializers = LocalInfrastructure.class)
class OutboxRelayIntegrationTests {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	// Raw: the auto-configured template is a KafkaTemplate<?, ?>.
	@SuppressWarnings("rawtypes")
	@MockitoSpyBean
	KafkaTemplate kafka;

	@AfterEach
	void healthyProducer() {
		reset(this.kafka);
	}

	@Test
	void sendsNoSecondCopyWhileTheFirstSendMayStillBeDelivered() {
		CompletableFuture<SendResult<String, String>> firstSend = new CompletableFuture<>();
		AtomicInteger sends = answerFirstSendWith(firstSend);
		String key = appendEvent();
		await().atMost(10, SECONDS).until(() -> sends.get() == 1);

		// Another relay (another replica) finds the event claimed while its send is
		// unanswered, however long that takes.
		Round anotherRelay = this.relay.relayBatch();

		assertThat(anotherRelay.claimed()).isZero();
		assertThat(sends).hasValue(1);
		assertThat(eventsKeyed(key)).isEqualTo(1);

		firstSend.completeExceptionally(new TimeoutException("Expiring 1 record(s): delivery timeout has elapsed"));

		await().atMost(10, SECONDS).until(() -> eventsKeyed(key) == 0);
		assertThat(sends).hasValue(2);
		assertThat(relayErrors("TimeoutException")).isPositive();
	}

	@Test
	void timesHowLongEachEventWaitedForTheRelay() {
		long waitedBefore = waited();

		String key = appendEvent();
		await().atMost(10, SECONDS).until(() -> eventsKeyed(key) == 0);

		assertThat(waited()).isGreaterThan(waitedBefore);
	}

	private long waited() {
		var timer = this.meters.find("trunkline.outbox.wait").timer();
		return (timer != null) ? timer.count() : 0;
	}

	@Test
	@SuppressWarnings("unchecked")
	void keepsRelayingAfterAnErrorIsThrownFromASend() {
		double errorsBefore = relayErrors("AssertionError");
		AtomicInteger sends = new AtomicInteger();
		doAnswer((invocation) -> {
			if (sends.incrementAndGet() == 1) {
				throw new AssertionError("a failure no one planned for");
			}
			return invocation.callRealMethod();
		}).when(this.kafka).send(any(ProducerRecord.class));

		String first = appendEvent();
		await().atMost(10, SECONDS).until(() -> eventsKeyed(first) == 0);
		String second = appendEvent();
		await().atMost(10, SECONDS).until(() -> eventsKeyed(second) == 0);

		assertThat(relayErrors("AssertionError")).isEqualTo(errorsBefore + 1);
		assertThat(sends.get()).isGreaterThanOrEqualTo(3);
		assertThat(this.relay.isRunning()).isTrue();
	}

	@SuppressWarnings("unchecked")
	private AtomicInteger answerFirstSendWith(CompletableFuture<SendResult<String, String>> firstSend) {
		AtomicInteger sends = new AtomicInteger();
		doAnswer((invocation) -> (sends.incrementAndGet() == 1) ? firstSend : invocation.callRealMethod())
			.when(this.kafka)
			.send(any(ProducerRecord.class));
		return sends;
	}

	private String appendEvent() {
		String key = UUID.randomUUID().toString();
		this.outbox.appendWith("WITH change AS (SELECT 1)", Map.of(), Topics.PROVISIONING_REQUESTS, key, "Test", "{}");
		return key;
	}

	private long eventsKeyed(String key) {
		return this.jdbc.sql("SELECT count(*) FROM outbox_events WHERE event_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	private double relayErrors(String exception) {
		var counter = this.meters.find("trunkline.outbox.relay.errors").tag("exception", exception).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
