package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.worker.voice.ResilientCalls;
import io.trunkline.worker.voice.ResilientCallsFixture;
import tools.jackson.databind.json.JsonMapper;

/**
 * One provisioning worker without Spring or Kafka: its own claims, lease renewal and pool
 * of creates, on the shared database and LiveKit, keeping the outcomes it publishes.
 */
final class Worker implements AutoCloseable {

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final Leases leases;

	final Provisioning provisioning;

	private final CreatePool creates;

	private final List<ProvisioningOutcome> published = new ArrayList<>();

	private Worker(ProvisioningDatabase database, FakeLiveKit liveKit, ProvisioningSettings settings,
			int concurrentCalls) {
		PendingRequests requests = new PendingRequests(database.jdbc);
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
				new Compensation(requests, liveKit, resilient, trunks, metrics), database.cipher, settings, outcomes,
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
		return new Worker(database, liveKit, settings, concurrentCalls);
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

	List<ProvisioningOutcome> published() {
		synchronized (this.published) {
			return List.copyOf(this.published);
		}
	}

	@Override
	public void close() {
		this.creates.destroy();
		this.leases.destroy();
	}

}
