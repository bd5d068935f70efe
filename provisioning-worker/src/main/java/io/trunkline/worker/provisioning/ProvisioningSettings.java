package io.trunkline.worker.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker provisions.
 *
 * @param installation this installation's name, written into every trunk's marker so that
 * the reconciler of one installation never touches another's trunks in a shared LiveKit
 * project
 * @param lease how long a claim on a request lasts: longer than the slowest provisioning
 * with all its retries
 * @param outcomeSendTimeout how long to wait for Kafka to acknowledge an outcome
 */
@ConfigurationProperties("trunkline")
public record ProvisioningSettings(@DefaultValue("trunkline") String installation, @DefaultValue("60s") Duration lease,
		@DefaultValue("10s") Duration outcomeSendTimeout) {
}
