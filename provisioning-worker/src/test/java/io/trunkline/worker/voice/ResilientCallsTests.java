package io.trunkline.worker.voice;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The guards around every call to the voice infrastructure refuse a call with this
 * package's own facts, so that no caller needs to know the library behind them.
 */
class ResilientCallsTests {

	final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

	final BulkheadRegistry bulkheads = BulkheadRegistry
		.of(BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());

	final ResilientCalls resilient = new ResilientCalls(RetryRegistry.of(RetryConfig.custom()
		.maxAttempts(3)
		.waitDuration(Duration.ofMillis(1))
		.retryExceptions(VoiceInfrastructureUnavailable.class)
		.build()), this.breakers, this.bulkheads);

	final CountDownLatch blocked = new CountDownLatch(1);

	@AfterEach
	void releaseBlockedCall() {
		this.blocked.countDown();
	}

	@Test
	void refusesACallWithCircuitOpenWhileTheBreakerIsOpenWithoutCallingOrRetrying() {
		this.breakers.circuitBreaker(ResilientCalls.LIVEKIT).transitionToForcedOpenState();
		AtomicInteger calls = new AtomicInteger();

		Throwable refused = catchThrowable(() -> this.resilient.call(calls::incrementAndGet));

		assertThat(refused).isInstanceOfSatisfying(VoiceInfrastructureCircuitOpen.class,
				(open) -> assertThat(open.outcomeUnknown()).isFalse());
		assertThat(refused).hasMessageContaining("OPEN");
		assertThat(calls).hasValue(0);
	}

	@Test
	void refusesACallOnceWithCircuitOpenWhileTheBreakerIsOpen() {
		this.breakers.circuitBreaker(ResilientCalls.LIVEKIT).transitionToForcedOpenState();
		AtomicInteger calls = new AtomicInteger();

		Throwable refused = catchThrowable(() -> this.resilient.callOnce(calls::incrementAndGet));

		assertThat(refused).isInstanceOf(VoiceInfrastructureCircuitOpen.class);
		assertThat(calls).hasValue(0);
	}

	@Test
	void refusesACallWithBusyWhileTheBulkheadIsFull() {
		CompletableFuture<Object> inFlight = CompletableFuture.supplyAsync(() -> this.resilient.call(this::block));
		Bulkhead bulkhead = this.bulkheads.bulkhead(ResilientCalls.LIVEKIT);
		await().atMost(10, SECONDS).until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 0);
		AtomicInteger calls = new AtomicInteger();

		Throwable refusedCall = catchThrowable(() -> this.resilient.call(calls::incrementAndGet));
		Throwable refusedCallOnce = catchThrowable(() -> this.resilient.callOnce(calls::incrementAndGet));

		assertThat(refusedCall).isInstanceOfSatisfying(VoiceInfrastructureBusy.class,
				(busy) -> assertThat(busy.outcomeUnknown()).isFalse());
		assertThat(refusedCallOnce).isInstanceOf(VoiceInfrastructureBusy.class);
		assertThat(calls).hasValue(0);
		this.blocked.countDown();
		assertThat(inFlight.join()).isEqualTo("done");
	}

	@Test
	void letsTheVoiceInfrastructuresOwnFailuresThrough() {
		VoiceInfrastructureRejected rejection = new VoiceInfrastructureRejected("invalid_argument", "refused");

		Throwable thrown = catchThrowable(() -> this.resilient.call(() -> {
			throw rejection;
		}));

		assertThat(thrown).isSameAs(rejection);
	}

	private Object block() {
		try {
			return this.blocked.await(1, TimeUnit.MINUTES) ? "done" : "never released";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
