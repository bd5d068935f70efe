package io.trunkline.worker.voice;

import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.stereotype.Component;

/**
 * Runs calls to the voice infrastructure under the {@code livekit} policies configured in
 * one place (the {@code resilience4j} section of {@code worker.yml}): retry with
 * exponential back-off and jitter around a circuit breaker around a bulkhead. While the
 * breaker is open a call fails at once, and is not retried, with
 * {@link VoiceInfrastructureCircuitOpen}; a call that waited too long for the bulkhead
 * fails with {@link VoiceInfrastructureBusy}. Those two are this package's facts, so that
 * no caller needs to know Resilience4j; they are thrown once the retries are over, so
 * that the policies never see them.
 */
@Component
public class ResilientCalls {

	/** The name of the Resilience4j instances guarding LiveKit. */
	public static final String LIVEKIT = "livekit";

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	ResilientCalls(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads) {
		this.retry = retries.retry(LIVEKIT);
		this.circuitBreaker = circuitBreakers.circuitBreaker(LIVEKIT);
		this.bulkhead = bulkheads.bulkhead(LIVEKIT);
	}

	/**
	 * @param call the call; it is run again on each retry, so it must be safe to repeat
	 * @return its result
	 */
	public <T> T call(Supplier<T> call) {
		Supplier<T> guarded = Bulkhead.decorateSupplier(this.bulkhead, call);
		guarded = CircuitBreaker.decorateSupplier(this.circuitBreaker, guarded);
		return refusedAsFacts(Retry.decorateSupplier(this.retry, guarded));
	}

	/**
	 * Runs a call once, under the breaker and bulkhead but without retries (for
	 * best-effort clean-up that a reconciler finishes later).
	 */
	public void callOnce(Runnable call) {
		Runnable guarded = CircuitBreaker.decorateRunnable(this.circuitBreaker,
				Bulkhead.decorateRunnable(this.bulkhead, call));
		refusedAsFacts(() -> {
			guarded.run();
			return null;
		});
	}

	private static <T> T refusedAsFacts(Supplier<T> guarded) {
		try {
			return guarded.get();
		}
		catch (CallNotPermittedException ex) {
			throw new VoiceInfrastructureCircuitOpen(ex.getMessage(), ex);
		}
		catch (BulkheadFullException ex) {
			throw new VoiceInfrastructureBusy(ex.getMessage(), ex);
		}
	}

	/**
	 * @return how many calls the bulkhead lets run at once
	 */
	public int maxConcurrentCalls() {
		return this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
	}

}
