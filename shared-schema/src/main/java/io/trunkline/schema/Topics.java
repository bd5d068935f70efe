package io.trunkline.schema;

/**
 * The Kafka topics that connect Trunkline's services. Names are part of the contract:
 * renaming one is a breaking change for every deployed consumer.
 */
public final class Topics {

	/**
	 * Commands to provision a trunk
	 * ({@link io.trunkline.schema.provisioning.ProvisionTrunk}), keyed by request id.
	 * Produced by the api-gateway's outbox relay; consumed by the provisioning-worker's
	 * consumer group.
	 */
	public static final String PROVISIONING_REQUESTS = "trunkline.provisioning.requests";

	/**
	 * Requests the worker gave up on after its error handler's retries; kept for
	 * operators to inspect and replay. Produced by the provisioning-worker's dead-letter
	 * publisher.
	 */
	public static final String PROVISIONING_REQUESTS_DEAD_LETTER = "trunkline.provisioning.requests.dlt";

	/**
	 * How each provisioning request ended
	 * ({@link io.trunkline.schema.provisioning.ProvisioningOutcome}), keyed by request
	 * id. Produced by the provisioning-worker; consumed by every api-gateway replica to
	 * answer the HTTP request it holds.
	 */
	public static final String PROVISIONING_OUTCOMES = "trunkline.provisioning.outcomes";

	private Topics() {
	}

}
