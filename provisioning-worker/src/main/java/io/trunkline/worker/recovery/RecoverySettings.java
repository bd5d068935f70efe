package io.trunkline.worker.recovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often recovery runs.
 *
 * @param sweepInterval how often stalled requests are looked for
 * @param unclaimedGrace how long a request may wait for its event before the sweeper
 * drives it itself
 * @param reconcileInterval how often LiveKit is checked for orphaned trunks
 * @param reconcilerEnabled whether this worker runs the reconciler
 */
@ConfigurationProperties("trunkline.recovery")
record RecoverySettings(@DefaultValue("10s") Duration sweepInterval, @DefaultValue("30s") Duration unclaimedGrace,
		@DefaultValue("5m") Duration reconcileInterval, @DefaultValue("true") boolean reconcilerEnabled) {
}
