package io.trunkline.worker.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The claims this worker holds while their work is queued or in flight, and the thread
 * that renews their leases (every third of a lease) so that no other worker takes them
 * over while this one is alive, however long the creates of a batch wait for the pool.
 * <p>
 * A renewal is fenced like a commit: a claim that another one took over (its lease
 * expired while this worker could not renew it, say during a long pause) is not renewed
 * but {@link Lease#isLost() lost}, and its work stops before its next call to LiveKit.
 * Its commit would change nothing anyway; stopping early keeps it from creating trunks
 * nobody will use. The renewal thread survives every failure, the database's included: a
 * lease it cannot renew expires, and fencing makes that safe.
 */
@Component
class Leases implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Leases.class);

	private final TrunkRequests requests;

	private final ProvisioningSettings settings;

	private final Map<UUID, Lease> held = new ConcurrentHashMap<>();

	private final ScheduledExecutorService renewer;

	Leases(TrunkRequests requests, ProvisioningSettings settings) {
		this.requests = requests;
		this.settings = settings;
		this.renewer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lease-renewal");
			thread.setDaemon(true);
			return thread;
		});
		long every = settings.leaseRenewal().toMillis();
		this.renewer.scheduleWithFixedDelay(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.renewer.shutdownNow();
	}

	/**
	 * Starts renewing a claim's lease.
	 * @param request the request as the claim took it
	 * @return the claim's lease, to be {@link #release released} once its outcome is
	 * committed or its work given up
	 */
	Lease hold(TrunkRequest request) {
		Lease lease = new Lease(request.id(), request.attempts(), new AtomicBoolean());
		Lease earlier = this.held.put(request.id(), lease);
		if (earlier != null) {
			earlier.lose();
		}
		return lease;
	}

	/**
	 * Stops renewing a claim's lease.
	 * @param lease the lease
	 */
	void release(Lease lease) {
		this.held.remove(lease.requestId(), lease);
	}

	/**
	 * Renews the lease of every claim held, in one statement; a claim that is no longer
	 * its request's latest is lost.
	 */
	void renew() {
		Map<UUID, Lease> leases = new LinkedHashMap<>(this.held);
		if (leases.isEmpty()) {
			return;
		}
		Map<UUID, Integer> attempts = new LinkedHashMap<>();
		leases.forEach((requestId, lease) -> attempts.put(requestId, lease.attempt()));
		Set<UUID> renewed = this.requests.renew(attempts, this.settings.lease());
		leases.forEach((requestId, lease) -> {
			if (!renewed.contains(requestId) && this.held.remove(requestId, lease)) {
				lease.lose();
				logger.info("Request {} is no longer attempt {}'s (another attempt took it over, or it ended); that "
						+ "attempt stops before its next call to LiveKit", requestId, lease.attempt());
			}
		});
	}

	private void renewQuietly() {
		try {
			renew();
		}
		catch (Throwable ex) {
			// A scheduled task that throws is never run again: this thread must outlive
			// every failure, and a lease it could not renew expires safely (fencing).
			logger.warn("Could not renew the leases of {} requests; retrying in {}: {}", this.held.size(),
					this.settings.leaseRenewal(), ex.toString());
		}
	}

	/**
	 * One claim's lease.
	 *
	 * @param requestId the request
	 * @param attempt the claim's attempt number (its fencing token)
	 * @param lost set once another claim took the request over
	 */
	record Lease(UUID requestId, int attempt, AtomicBoolean lost) {

		/**
		 * @return whether another claim took the request over, so this one's work is to
		 * stop
		 */
		boolean isLost() {
			return this.lost.get();
		}

		private void lose() {
			this.lost.set(true);
		}

	}

}
