package io.trunkline.worker.recovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.trunkline.worker.provisioning.Marker;
import io.trunkline.worker.provisioning.PendingRequests;
import io.trunkline.worker.provisioning.PendingRequests.KnownRequest;
import io.trunkline.worker.provisioning.ProvisioningSettings;
import io.trunkline.worker.voice.ExistingTrunk;
import io.trunkline.worker.voice.ResilientCalls;
import io.trunkline.worker.voice.VoiceInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds and removes LiveKit trunks that carry this installation's marker but that no
 * committed trunk owns: their request failed, does not exist, or was committed with other
 * trunks (a duplicate). Trunks of pending requests are left alone: they may be in the
 * middle of being provisioned. Trunks without our marker are never touched. Each removal
 * is logged and counted ({@code trunkline.reconciler.orphans.removed}).
 */
@Component
public class OrphanReconciler {

	private static final Logger logger = LoggerFactory.getLogger(OrphanReconciler.class);

	private final VoiceInfrastructure voice;

	private final ResilientCalls resilient;

	private final PendingRequests requests;

	private final String installation;

	private final RecoverySettings settings;

	private final Counter removed;

	OrphanReconciler(VoiceInfrastructure voice, ResilientCalls resilient, PendingRequests requests,
			ProvisioningSettings provisioning, RecoverySettings settings, MeterRegistry meters) {
		this.voice = voice;
		this.resilient = resilient;
		this.requests = requests;
		this.installation = provisioning.installation();
		this.settings = settings;
		this.removed = Counter.builder("trunkline.reconciler.orphans.removed")
			.description("Orphaned LiveKit trunks removed by the reconciler")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${trunkline.recovery.reconcile-interval:5m}",
			initialDelayString = "${trunkline.recovery.reconcile-interval:5m}")
	void scheduled() {
		if (this.settings.reconcilerEnabled()) {
			try {
				reconcile();
			}
			catch (RuntimeException ex) {
				logger.warn("The orphan reconciler could not run: {}", ex.toString());
			}
		}
	}

	/**
	 * Runs one reconciliation.
	 * @return how many orphans were removed
	 */
	public int reconcile() {
		List<ExistingTrunk> trunks = this.resilient.call(this.voice::listTrunks);
		Map<ExistingTrunk, UUID> ours = new LinkedHashMap<>();
		for (ExistingTrunk trunk : trunks) {
			Optional<UUID> request = Marker.requestOf(this.installation, trunk.metadata());
			request.ifPresent((id) -> ours.put(trunk, id));
		}
		Map<UUID, KnownRequest> known = this.requests.known(ours.values());
		int count = 0;
		for (Map.Entry<ExistingTrunk, UUID> entry : ours.entrySet()) {
			ExistingTrunk trunk = entry.getKey();
			KnownRequest request = known.get(entry.getValue());
			String why = orphanReason(trunk, request);
			if (why != null) {
				this.resilient.callOnce(() -> this.voice.deleteTrunk(trunk.id()));
				this.removed.increment();
				count++;
				logger.warn("Removed orphaned {} LiveKit trunk {} of request {}: {}", trunk.direction(), trunk.id(),
						entry.getValue(), why);
			}
		}
		return count;
	}

	private static String orphanReason(ExistingTrunk trunk, KnownRequest request) {
		if (request == null) {
			return "the request does not exist";
		}
		return switch (request.status()) {
			case "failed" -> "the request failed";
			case "provisioned" -> request.owns(trunk.id()) ? null : "the committed trunk uses other LiveKit trunks";
			default -> null;
		};
	}

}
