package io.trunkline.worker.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
 * middle of being provisioned. Trunks without our marker are never touched.
 * <p>
 * Deleting trunks is destructive, so every run is bounded:
 * <ul>
 * <li><b>an age</b>: a trunk is removed only once it has been seen orphaned for the
 * minimum age (LiveKit keeps no creation time, so the first sighting is recorded in
 * {@code orphan_candidates}); a trunk that stops being an orphan meanwhile (its request
 * was replayed and committed it) is forgotten;</li>
 * <li><b>a limit</b>: a run with more orphans due than the limit removes none of them,
 * logs an error and counts {@code trunkline.reconciler.halted}: so many orphans at once
 * means a worker pointed at a restored or wrong database, not leftovers of failures;</li>
 * <li><b>a dry run</b>: with it set, a run only logs what it would remove;</li>
 * <li><b>a last look</b>: right before each removal the database is asked again, and a
 * trunk that a committed row references, or whose request is no longer an orphan's, is
 * kept.</li>
 * </ul>
 * Each removal is logged and counted ({@code trunkline.reconciler.orphans.removed}); the
 * orphans of the last run are a gauge ({@code trunkline.reconciler.orphans}).
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

	private final Counter halted;

	private final AtomicInteger orphans = new AtomicInteger();

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
		this.halted = Counter.builder("trunkline.reconciler.halted")
			.description("Reconciler runs that removed nothing because more orphans were due than the limit")
			.register(meters);
		Gauge.builder("trunkline.reconciler.orphans", this.orphans, AtomicInteger::get)
			.description("Orphaned LiveKit trunks the last reconciler run found, due or not")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${trunkline.recovery.reconcile-interval:5m}",
			initialDelayString = "${trunkline.recovery.reconcile-interval:5m}")
	void scheduled() {
		if (this.settings.reconcilerEnabled()) {
			try {
				reconcile();
			}
			catch (RuntimeException | Error ex) {
				// The scheduler's thread outlives any failure of a run: the next run
				// tries
				// again.
				logger.warn("The orphan reconciler could not run: {}", ex.toString());
			}
		}
	}

	/**
	 * Runs one reconciliation with the configured bounds, unless another worker of this
	 * installation is running one.
	 * @return how many orphans were removed (0 when the run was skipped)
	 */
	public int reconcile() {
		return reconcile(this.settings.orphanBounds()).removed();
	}

	/**
	 * Runs one reconciliation, unless another worker of this installation is running one.
	 * @param bounds what this run may remove
	 * @return what the run found and did
	 */
	public Reconciliation reconcile(Bounds bounds) {
		Reconciliation run = this.transactions.execute((status) -> {
			boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(?, ?)")
				.param(LOCK_CLASS)
				.param(lockKey(this.installation))
				.query(Boolean.class)
				.single();
			if (!locked) {
				logger.info("Another worker is looking for orphaned LiveKit trunks; skipping this run");
				return Reconciliation.SKIPPED;
			}
			return reconcileLocked(bounds);
		});
		return (run != null) ? run : Reconciliation.SKIPPED;
	}

	/**
	 * @param installation an installation's name
	 * @return the second key of its reconciler's advisory lock
	 */
	public static int lockKey(String installation) {
		return installation.hashCode();
	}

	private Reconciliation reconcileLocked(Bounds bounds) {
		List<ExistingTrunk> trunks = this.resilient.call(this.voice::listTrunks);
		Map<ExistingTrunk, UUID> ours = new LinkedHashMap<>();
		for (ExistingTrunk trunk : trunks) {
			Optional<UUID> request = Marker.requestOf(this.installation, trunk.metadata());
			request.ifPresent((id) -> ours.put(trunk, id));
		}
		Map<UUID, KnownRequest> known = this.requests.known(ours.values());
		Map<String, Orphan> found = new LinkedHashMap<>();
		for (Map.Entry<ExistingTrunk, UUID> entry : ours.entrySet()) {
			String why = orphanReason(entry.getKey(), known.get(entry.getValue()));
			if (why != null) {
				found.put(entry.getKey().id(), new Orphan(entry.getKey(), entry.getValue(), why));
			}
		}
		this.orphans.set(found.size());
		List<Orphan> due = remember(found, bounds.minimumAge());
		if (due.isEmpty()) {
			return new Reconciliation(found.size(), 0, 0, false);
		}
		if (due.size() > bounds.removalLimit()) {
			this.halted.increment();
			logger.error(
					"The orphan reconciler of installation {} found {} orphaned LiveKit trunks due for removal, more than "
							+ "its limit of {}: removing none. Check that this worker uses the right database and "
							+ "TRUNKLINE_INSTALLATION; raise trunkline.recovery.orphan-removal-limit only if they really "
							+ "are orphans",
					this.installation, due.size(), bounds.removalLimit());
			return new Reconciliation(found.size(), due.size(), 0, true);
		}
		if (bounds.dryRun()) {
			due.forEach((orphan) -> logger.warn("Dry run: would remove orphaned {} LiveKit trunk {} of request {}: {}",
					orphan.trunk().direction(), orphan.trunk().id(), orphan.requestId(), orphan.reason()));
			return new Reconciliation(found.size(), due.size(), 0, false);
		}
		int count = 0;
		for (Orphan orphan : due) {
			if (!stillOrphaned(orphan)) {
				logger.info("LiveKit trunk {} of request {} is no longer an orphan; keeping it", orphan.trunk().id(),
						orphan.requestId());
				continue;
			}
			this.resilient.callOnce(() -> this.voice.deleteTrunk(orphan.trunk().id()));
			this.jdbc.sql("DELETE FROM orphan_candidates WHERE installation = ? AND trunk_id = ?")
				.params(this.installation, orphan.trunk().id())
				.update();
			this.removed.increment();
			count++;
			logger.warn("Removed orphaned {} LiveKit trunk {} of request {}: {}", orphan.trunk().direction(),
					orphan.trunk().id(), orphan.requestId(), orphan.reason());
		}
		return new Reconciliation(found.size(), due.size(), count, false);
	}

	/**
	 * Records the first sighting of each orphan, forgets trunks that are no longer
	 * orphans, and picks those seen for at least the minimum age.
	 * @return the orphans due for removal
	 */
	private List<Orphan> remember(Map<String, Orphan> found, Duration minimumAge) {
		String[] ids = found.keySet().toArray(String[]::new);
		this.jdbc.sql("DELETE FROM orphan_candidates WHERE installation = ? AND NOT (trunk_id = ANY(?))")
			.params(this.installation, ids)
			.update();
		if (ids.length == 0) {
			return List.of();
		}
		this.jdbc.sql("""
				INSERT INTO orphan_candidates (installation, trunk_id, request_id, reason)
				SELECT ?, * FROM unnest(CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]))
				ON CONFLICT (installation, trunk_id) DO NOTHING
				""")
			.params(this.installation, ids, found.values().stream().map(Orphan::requestId).toArray(UUID[]::new),
					found.values().stream().map(Orphan::reason).toArray(String[]::new))
			.update();
		List<String> dueIds = this.jdbc.sql("""
				SELECT trunk_id FROM orphan_candidates
				WHERE installation = ? AND first_seen <= now() - make_interval(secs => ?)
				""").params(this.installation, minimumAge.toMillis() / 1000.0).query(String.class).list();
		List<Orphan> due = new ArrayList<>();
		dueIds.forEach((id) -> due.add(found.get(id)));
		return due;
	}

	/**
	 * The last look before a removal: the request may have been replayed or committed
	 * since the run began, and no committed trunk may lose a LiveKit trunk it references.
	 */
	private boolean stillOrphaned(Orphan orphan) {
		boolean referenced = this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM sip_trunks WHERE inbound_trunk_id = :id OR outbound_trunk_id = :id)
				""").param("id", orphan.trunk().id()).query(Boolean.class).single();
		if (referenced) {
			return false;
		}
		KnownRequest now = this.requests.known(List.of(orphan.requestId())).get(orphan.requestId());
		return orphanReason(orphan.trunk(), now) != null;
	}

	private static String orphanReason(ExistingTrunk trunk, KnownRequest request) {
		if (request == null) {
			return "the request does not exist";
		}
		return switch (request.status()) {
			case FAILED -> "the request failed";
			case PROVISIONED -> request.owns(trunk.id()) ? null : "the committed trunk uses other LiveKit trunks";
			case PENDING -> null;
		};
	}

	/**
	 * What one run may remove.
	 *
	 * @param minimumAge how long a trunk must have been seen orphaned
	 * @param removalLimit the most orphans it removes; with more due it removes none
	 * @param dryRun whether it only reports what it would remove
	 */
	public record Bounds(Duration minimumAge, int removalLimit, boolean dryRun) {
	}

	/**
	 * What one run found and did.
	 *
	 * @param orphans the orphaned trunks it found
	 * @param due those seen orphaned for at least the minimum age
	 * @param removed those it removed
	 * @param halted whether it removed none because more were due than the limit
	 */
	public record Reconciliation(int orphans, int due, int removed, boolean halted) {

		static final Reconciliation SKIPPED = new Reconciliation(0, 0, 0, false);

	}

	private record Orphan(ExistingTrunk trunk, UUID requestId, String reason) {
	}

}
