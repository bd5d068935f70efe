package io.trunkline.schema.provisioning;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How one provisioning request ended. Produced by the provisioning-worker after it
 * committed the outcome to the database; consumed by every api-gateway replica, which
 * answers the HTTP request it may be holding. Carries no trunk details beyond ids and no
 * secret: the database stays the source of truth.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = TrunkProvisioned.class, name = "TrunkProvisioned"),
		@JsonSubTypes.Type(value = TrunkProvisioningFailed.class, name = "TrunkProvisioningFailed") })
public sealed interface ProvisioningOutcome permits TrunkProvisioned, TrunkProvisioningFailed {

	/**
	 * The schema version outcome classes write. Readers accept this and every older
	 * version.
	 */
	int SCHEMA_VERSION = 1;

	int schemaVersion();

	UUID requestId();

	long accountId();

	Instant occurredAt();

}
