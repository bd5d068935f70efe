package io.trunkline.worker.voice;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * The {@code livekit} policies of {@code worker.yml} for tests that run without Spring:
 * the same exceptions retried and recorded, with short waits; and what the policies
 * refuse a call with.
 */
public final class ResilientCallsFixture {

	private ResilientCallsFixture() {
	}

	/**
	 * @param concurrentCalls how many calls the bulkhead lets run at once (also the size
	 * of a worker's pool of creates)
	 * @return the policies
	 */
	public static ResilientCalls livekitPolicies(int concurrentCalls) {
		RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(4)
			.waitDuration(Duration.ofMillis(5))
			.retryExceptions(VoiceInfrastructureUnavailable.class)
			.build());
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.minimumNumberOfCalls(100)
			.recordExceptions(VoiceInfrastructureUnavailable.class)
			.build());
		BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(concurrentCalls)
			.maxWaitDuration(Duration.ofSeconds(30))
			.build());
		return new ResilientCalls(retries, breakers, bulkheads);
	}

	/**
	 * @return what a call fails with while the {@code livekit} breaker is open
	 */
	public static VoiceInfrastructureCircuitOpen circuitOpen() {
		return new VoiceInfrastructureCircuitOpen("CircuitBreaker 'livekit' is OPEN and does not permit further calls",
				null);
	}

	/**
	 * @return what a call fails with when it waited too long for the {@code livekit}
	 * bulkhead
	 */
	public static VoiceInfrastructureBusy bulkheadFull() {
		return new VoiceInfrastructureBusy("Bulkhead 'livekit' is full and does not permit further calls", null);
	}

}
