package io.trunkline.worker.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker provisions.
 *
 * @param installation this installation's name (required,
 * {@code TRUNKLINE_INSTALLATION}), written into every trunk's marker so that the
 * reconciler of one installation never touches another's trunks in a shared LiveKit
 * project
 * @param lease how long a claim on a request lasts unless renewed: a worker renews the
 * claims it holds every third of it for as long as their work is queued or in flight, so
 * this is how long the requests of a worker that died wait before another one takes them
 * over
 * @param outcomeSendTimeout how long to wait for Kafka to acknowledge an outcome
 * @param maxAttempts the most claims a request is provisioned under, counted from its
 * creation or last replay; the claim after them fails it as {@code attempts_exhausted}
 * @param maxAge the longest a request is provisioned for, counted from its creation or
 * last replay; a claim after it fails the request as {@code expired}
 */
@ConfigurationProperties("trunkline")
public record ProvisioningSettings(String installation, @DefaultValue("60s") Duration lease,
		@DefaultValue("10s") Duration outcomeSendTimeout, @DefaultValue("10") int maxAttempts,
		@DefaultValue("30m") Duration maxAge) {

	public ProvisioningSettings {
		// No default: two installations sharing a LiveKit project under one default name
		// would each reconcile the other's trunks away.
		if (installation == null || installation.isBlank()) {
			throw new IllegalArgumentException("TRUNKLINE_INSTALLATION is not set: name this installation (unique per "
					+ "LiveKit project); its trunks carry the name and the orphan reconciler only touches its own");
		}
		if (installation.contains("\"")) {
			throw new IllegalArgumentException("TRUNKLINE_INSTALLATION may not contain a double quote");
		}
		if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("trunkline.lease must be at least 1s");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("trunkline.max-attempts must be at least 1");
		}
		if (maxAge.isNegative() || maxAge.isZero()) {
			throw new IllegalArgumentException("trunkline.max-age must be positive");
		}
	}

	/**
	 * @return how often the claims a worker holds are renewed: three times per lease, so
	 * that a renewal that fails once still leaves time for the next
	 */
	Duration leaseRenewal() {
		return this.lease.dividedBy(3);
	}

}
