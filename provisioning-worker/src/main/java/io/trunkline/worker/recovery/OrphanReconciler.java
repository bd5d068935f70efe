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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds and removes LiveKit trunks that carry this installation's marker but that no
 * committed trunk owns: their request failed, does not exist, or was committed with other
 * trunks (a duplicate). Trunks of pending requests are left alone: they may be in the
 * middle of being provisioned. Trunks without our marker are never touched. Each removal
 * is logged and counted ({@code trunkline.reconciler.orphans.removed}).
 * <p>
 * One worker of an installation reconciles at a time: a run holds a PostgreSQL advisory
 * lock (scoped to its transaction, so a worker that dies releases it) and a run that
 * finds it taken skips, as the other worker is doing the same work. Without it, every
 * replica's schedule would list all trunks and race to delete the same orphans.
 */
@Component
public class OrphanReconciler {

	private static final Logger logger = LoggerFactory.getLogger(OrphanReconciler.class);

	/**
	 * The first key of the advisory lock (the second is the installation's hash): an
	 * arbitrary constant that no other lock of this database uses.
	 */
	public static final int LOCK_CLASS = 0x7472_6b6c;

	private final VoiceInfrastructure voice;

	private final ResilientCalls resilient;

	private final PendingRequests requests;

	private final String installation;

	private final RecoverySettings settings;

	private final Counter removed;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	OrphanReconciler(VoiceInfrastructure voice, ResilientCalls resilient, PendingRequests requests,
			ProvisioningSettings provisioning, RecoverySettings settings, MeterRegistry meters, JdbcClient jdbc,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
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
	 * Runs one reconciliation, unless another worker of this installation is running one.
	 * @return how many orphans were removed (0 when the run was skipped)
	 */
	public int reconcile() {
		Integer count = this.transactions.execute((status) -> {
			boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(?, ?)")
				.param(LOCK_CLASS)
				.param(lockKey(this.installation))
				.query(Boolean.class)
				.single();
			if (!locked) {
				logger.info("Another worker is looking for orphaned LiveKit trunks; skipping this run");
				return 0;
			}
			return reconcileLocked();
		});
		return (count != null) ? count : 0;
	}

	/**
	 * @param installation an installation's name
	 * @return the second key of its reconciler's advisory lock
	 */
	public static int lockKey(String installation) {
		return installation.hashCode();
	}

	private int reconcileLocked() {
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
