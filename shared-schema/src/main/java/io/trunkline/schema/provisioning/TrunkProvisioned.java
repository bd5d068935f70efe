package io.trunkline.schema.provisioning;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event: both LiveKit trunks exist and the trunk is committed.
 *
 * @param schemaVersion the version of this payload's shape
 * @param requestId the request that was provisioned
 * @param accountId the owning account
 * @param trunkId the committed trunk's public integer id
 * @param inboundTrunkId LiveKit's id of the inbound trunk ({@code ST_...})
 * @param outboundTrunkId LiveKit's id of the outbound trunk ({@code ST_...})
 * @param occurredAt when the trunk was committed: exactly its {@code created_at}, so that
 * the gateway can answer with the trunk without reading it back
 */
public record TrunkProvisioned(int schemaVersion, UUID requestId, long accountId, long trunkId, String inboundTrunkId,
		String outboundTrunkId, Instant occurredAt) implements ProvisioningOutcome {

	public TrunkProvisioned {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(inboundTrunkId, "inboundTrunkId");
		Objects.requireNonNull(outboundTrunkId, "outboundTrunkId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (schemaVersion <= 0) {
			schemaVersion = SCHEMA_VERSION;
		}
	}

	public static TrunkProvisioned of(UUID requestId, long accountId, long trunkId, String inboundTrunkId,
			String outboundTrunkId, Instant occurredAt) {
		return new TrunkProvisioned(SCHEMA_VERSION, requestId, accountId, trunkId, inboundTrunkId, outboundTrunkId,
				occurredAt);
	}

}
