package io.trunkline.worker.recovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often recovery runs, and the bounds on what the reconciler may delete.
 *
 * @param sweepInterval how often stalled requests are looked for
 * @param unclaimedGrace how long a request may wait for its event before the sweeper
 * drives it itself
 * @param reconcileInterval how often LiveKit is checked for orphaned trunks
 * @param reconcilerEnabled whether this worker runs the reconciler
 * @param orphanMinimumAge how long a trunk must have been seen orphaned, run after run,
 * before it is removed
 * @param orphanRemovalLimit the most orphans one run removes; a run that finds more due
 * removes none, and alerts (a worker pointed at the wrong database sees every trunk as an
 * orphan)
 * @param reconcilerDryRun whether the reconciler only reports what it would remove
 */
@ConfigurationProperties("trunkline.recovery")
record RecoverySettings(@DefaultValue("10s") Duration sweepInterval, @DefaultValue("30s") Duration unclaimedGrace,
		@DefaultValue("5m") Duration reconcileInterval, @DefaultValue("true") boolean reconcilerEnabled,
		@DefaultValue("15m") Duration orphanMinimumAge, @DefaultValue("100") int orphanRemovalLimit,
		@DefaultValue("false") boolean reconcilerDryRun) {

	RecoverySettings {
		if (orphanMinimumAge.isNegative()) {
			throw new IllegalArgumentException("trunkline.recovery.orphan-minimum-age may not be negative");
		}
		if (orphanRemovalLimit < 1) {
			throw new IllegalArgumentException("trunkline.recovery.orphan-removal-limit must be at least 1");
		}
	}

	OrphanReconciler.Bounds orphanBounds() {
		return new OrphanReconciler.Bounds(this.orphanMinimumAge, this.orphanRemovalLimit, this.reconcilerDryRun);
	}

}
