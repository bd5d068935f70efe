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
 * @param lease how long a claim on a request lasts: longer than the slowest provisioning
 * with all its retries
 * @param outcomeSendTimeout how long to wait for Kafka to acknowledge an outcome
 */
@ConfigurationProperties("trunkline")
public record ProvisioningSettings(String installation, @DefaultValue("60s") Duration lease,
		@DefaultValue("10s") Duration outcomeSendTimeout) {

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
	}
}
