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
 * (the lease expired), or the request's event never reached a worker (it sat on the
 * dead-letter topic). The claim makes this safe to run on every worker at once.
 */
@Component
class StalledRequests {

	private static final Logger logger = LoggerFactory.getLogger(StalledRequests.class);

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
	void sweep() {
		List<UUID> stalled = this.requests.stalled(this.settings.unclaimedGrace(), 50);
		if (stalled.isEmpty()) {
			return;
		}
		logger.info("Requests {} stalled (no live claim); provisioning them again", stalled);
		try {
			this.provisioning.provision(stalled)
				.forEach((requestId, failure) -> logger.warn("Could not drive stalled request {} again: {}", requestId,
						failure.toString()));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not drive stalled requests {} again: {}", stalled, ex.toString());
		}
	}

}
