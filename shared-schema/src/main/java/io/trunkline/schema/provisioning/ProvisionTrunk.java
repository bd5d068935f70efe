package io.trunkline.schema.provisioning;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Command: provision the inbound and outbound LiveKit trunks of one pending request.
 * <p>
 * Produced by the api-gateway (through its transactional outbox) when a create is
 * accepted, and by operators who replay a request. Consumed by the provisioning-worker.
 * The command is deliberately thin: the request itself, including its encrypted SIP
 * password, lives in the database, which is the single source of truth, so a payload can
 * never leak a secret or disagree with the stored request.
 *
 * @param schemaVersion the version of this payload's shape, {@value #SCHEMA_VERSION} for
 * this class
 * @param requestId the pending provisioning request, also the Kafka record key
 * @param accountId the account that owns the request
 * @param requestedAt when the command was issued
 */
public record ProvisionTrunk(int schemaVersion, UUID requestId, long accountId, Instant requestedAt) {

	/**
	 * The schema version this class writes. Readers accept this and every older version.
	 */
	public static final int SCHEMA_VERSION = 1;

	public ProvisionTrunk {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(requestedAt, "requestedAt");
		if (schemaVersion <= 0) {
			schemaVersion = SCHEMA_VERSION;
		}
	}

	public static ProvisionTrunk of(UUID requestId, long accountId, Instant requestedAt) {
		return new ProvisionTrunk(SCHEMA_VERSION, requestId, accountId, requestedAt);
	}

}
