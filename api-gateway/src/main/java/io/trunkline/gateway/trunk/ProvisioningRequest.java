package io.trunkline.gateway.trunk;

import java.time.Instant;
import java.util.UUID;

import io.trunkline.schema.trunk.ProvisioningStatus;

/**
 * A create request as the status resource shows it.
 *
 * @param id the request id
 * @param status where it stands
 * @param trunkId the committed trunk when provisioned, otherwise {@code null}
 * @param failureReason why it failed, otherwise {@code null}
 * @param createdAt when it was accepted
 */
public record ProvisioningRequest(UUID id, ProvisioningStatus status, Long trunkId, String failureReason,
		Instant createdAt) {
}
