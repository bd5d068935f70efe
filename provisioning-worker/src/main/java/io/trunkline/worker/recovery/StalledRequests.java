package io.trunkline.worker.recovery;

import java.util.List;
import java.util.UUID;

import io.trunkline.worker.provisioning.PendingRequests;
import io.trunkline.worker.provisioning.Provisioning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives again the pending requests nobody is working on: a worker died holding the claim
 * (the lease expired; a live worker renews its leases), or the request's event never
 * reached a worker (it sat on the dead-letter topic). The claim makes this safe to run on
 * every worker at once, and a request that went past its bounds on attempts or age is
 * given up by that claim (see {@link Provisioning}) instead of being driven again
 * forever.
 */
@Component
class StalledRequests {

	private static final Logger logger = LoggerFactory.getLogger(StalledRequests.class);

	/**
	 * The most stalled requests one sweep drives.
	 */
	private static final int SWEEP_LIMIT = 50;

	private final PendingRequests requests;

	private final Provisioning provisioning;

	private final RecoverySettings settings;

	StalledRequests(PendingRequests requests, Provisioning provisioning, RecoverySettings settings) {
		this.requests = requests;
		this.provisioning = provisioning;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${trunkline.recovery.sweep-interval:10s}",
			initialDelayString = "${trunkline.recovery.sweep-interval:10s}")
	void scheduled() {
		try {
			sweep();
		}
		catch (Throwable ex) {
			// The sweeper is the only thing that drives a stalled request again: it
			// outlives every failure and tries again on its next turn.
			logger.warn("Could not sweep stalled requests; trying again in {}: {}", this.settings.sweepInterval(),
					ex.toString());
		}
	}

	/**
	 * Drives the stalled requests found now.
	 */
	void sweep() {
		List<UUID> stalled = this.requests.stalled(this.settings.unclaimedGrace(), SWEEP_LIMIT);
		if (stalled.isEmpty()) {
			return;
		}
		logger.info("Requests {} stalled (no live claim); provisioning them again", stalled);
		this.provisioning.provision(stalled)
			.forEach((requestId, failure) -> logger.warn("Could not drive stalled request {} again: {}", requestId,
					failure.toString()));
	}

}
