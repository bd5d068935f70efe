package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.secret.SecretCipher;
import io.trunkline.worker.voice.ResilientCalls;
import io.trunkline.worker.voice.ResilientCallsFixture;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One provisioning worker without Spring or Kafka: its own claims, lease renewal and pool
 * of creates, on the shared database (or requests in memory) and a fake LiveKit, keeping
 * the outcomes it publishes.
 */
final class Worker implements AutoCloseable, AfterEachCallback {

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final Leases leases;

	final Provisioning provisioning;

	private final CreatePool creates;

	private final List<ProvisioningOutcome> published = new ArrayList<>();

	private Worker(TrunkRequests requests, SecretCipher cipher, FakeLiveKit liveKit, ProvisioningSettings settings,
			int concurrentCalls) {
		JsonMapper json = JsonMapper.builder().build();
		this.leases = new Leases(requests, settings);
		OutcomePublisher outcomes = new OutcomePublisher(null, json, settings) {
			@Override
			Map<UUID, RuntimeException> publish(List<ProvisioningOutcome> outcomes) {
				synchronized (Worker.this.published) {
					Worker.this.published.addAll(outcomes);
				}
				return Map.of();
			}
		};
		ResilientCalls resilient = ResilientCallsFixture.livekitPolicies(concurrentCalls);
		this.creates = new CreatePool(resilient);
		MarkedTrunks trunks = new MarkedTrunks(liveKit, resilient, settings, new OutboundProxyAddress(null));
		ProvisioningMetrics metrics = new ProvisioningMetrics(this.meters);
		this.provisioning = new Provisioning(requests, this.leases, this.creates, trunks,
				new Compensation(requests, liveKit, resilient, trunks, metrics), cipher, settings, outcomes,
				new AttemptHistory(json), metrics);
	}

	/**
	 * @param lease how long its claims last unless renewed
	 * @return a worker with the default bounds on attempts and age
	 */
	static Worker start(ProvisioningDatabase database, FakeLiveKit liveKit, Duration lease) {
		return start(database, liveKit, settings(lease, 10, Duration.ofMinutes(30)), 8);
	}

	static Worker start(ProvisioningDatabase database, FakeLiveKit liveKit, ProvisioningSettings settings,
			int concurrentCalls) {
		return new Worker(new PendingRequests(database.jdbc), database.cipher, liveKit, settings, concurrentCalls);
	}

	/**
	 * @return a worker on requests in memory, with the default bounds and a lease that no
	 * test outlasts
	 */
	static Worker inMemory(InMemoryTrunkRequests requests, FakeLiveKit liveKit) {
		return new Worker(requests, requests.cipher, liveKit,
				settings(Duration.ofMinutes(1), 10, Duration.ofMinutes(30)), 8);
	}

	static ProvisioningSettings settings(Duration lease, int maxAttempts, Duration maxAge) {
		return new ProvisioningSettings("trunkline", lease, Duration.ofSeconds(5), maxAttempts, maxAge);
	}

	Map<UUID, RuntimeException> provision(UUID... requestIds) {
		return this.provisioning.provision(List.of(requestIds));
	}

	Map<UUID, RuntimeException> provision(Collection<UUID> requestIds) {
		return this.provisioning.provision(requestIds);
	}

	/**
	 * Provisions a request on another thread, as another consumer thread would while the
	 * test goes on.
	 * @return what {@link #provision} returns, once it has
	 */
	CompletableFuture<Map<UUID, RuntimeException>> provisionMeanwhile(UUID requestId) {
		return CompletableFuture.supplyAsync(() -> provision(requestId));
	}

	List<ProvisioningOutcome> published() {
		synchronized (this.published) {
			return List.copyOf(this.published);
		}
	}

	/**
	 * Stops the worker after each test, when a test registers it as an extension.
	 */
	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.creates.destroy();
		this.leases.destroy();
	}

}
