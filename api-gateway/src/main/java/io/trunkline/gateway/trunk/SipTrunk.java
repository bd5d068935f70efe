package io.trunkline.gateway.trunk;

import java.time.Instant;
import java.util.Objects;

import io.trunkline.schema.trunk.TrunkDefinition;

/**
 * A committed SIP trunk, as the API shows it: both LiveKit trunks exist. Holds no
 * password.
 *
 * @param id the public integer id
 * @param definition the trunk as its owner defined it
 * @param inboundTrunkId LiveKit's inbound trunk id
 * @param outboundTrunkId LiveKit's outbound trunk id
 * @param createdAt when the trunk was committed
 * @param updatedAt when it last changed
 */
public record SipTrunk(long id, TrunkDefinition definition, String inboundTrunkId, String outboundTrunkId,
		Instant createdAt, Instant updatedAt) {

	public SipTrunk {
		Objects.requireNonNull(definition, "definition");
	}

	/**
	 * The trunk a worker committed for a create command, as the database holds it: the
	 * worker copies the request's definition into the trunk unchanged, so the gateway
	 * that accepted the command can answer without reading the trunk back.
	 * @param id the committed trunk's id
	 * @param command the validated command the trunk was provisioned from
	 * @param inboundTrunkId LiveKit's inbound trunk id
	 * @param outboundTrunkId LiveKit's outbound trunk id
	 * @param committedAt when the trunk was committed (its {@code created_at} and
	 * {@code updated_at})
	 * @return the trunk
	 */
	public static SipTrunk committed(long id, CreateTrunk command, String inboundTrunkId, String outboundTrunkId,
			Instant committedAt) {
		return new SipTrunk(id, command.trunk(), inboundTrunkId, outboundTrunkId, committedAt, committedAt);
	}

}
