package io.trunkline.gateway.trunk;

import java.time.Instant;
import java.util.UUID;

/**
 * A failed create as operators see it: what failed, why, and every attempt. Holds no
 * password.
 *
 * @param id the request
 * @param accountId the owning account
 * @param phoneNumber the trunk's number
 * @param sipAddress the trunk's SIP server
 * @param failureReason the stable reason, e.g. {@code voice_infrastructure_rejected}
 * @param attempts how many times a worker claimed it
 * @param attemptHistory the attempts as a JSON array
 * @param failedAt when it failed
 */
public record FailedRequest(UUID id, long accountId, String phoneNumber, String sipAddress, String failureReason,
		int attempts, String attemptHistory, Instant failedAt) {
}
