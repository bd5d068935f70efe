package io.trunkline.schema.provisioning;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event: the request ended failed and nothing of it is left on LiveKit.
 *
 * @param schemaVersion the version of this payload's shape
 * @param requestId the request that failed
 * @param accountId the owning account
 * @param reason a stable machine-readable reason, e.g.
 * {@code voice_infrastructure_rejected}
 * @param occurredAt when the failure was committed
 */
public record TrunkProvisioningFailed(int schemaVersion, UUID requestId, long accountId, String reason,
		Instant occurredAt) implements ProvisioningOutcome {

	public TrunkProvisioningFailed {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (schemaVersion <= 0) {
			schemaVersion = SCHEMA_VERSION;
		}
	}

	public static TrunkProvisioningFailed of(UUID requestId, long accountId, String reason, Instant occurredAt) {
		return new TrunkProvisioningFailed(SCHEMA_VERSION, requestId, accountId, reason, occurredAt);
	}

}
