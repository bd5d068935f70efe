package io.trunkline.gateway.trunk;

import java.time.Instant;
import java.util.List;

/**
 * A committed SIP trunk, as the API shows it: both LiveKit trunks exist. Holds no
 * password.
 *
 * @param id the public integer id
 * @param phoneNumber the extension or E.164 number
 * @param nickname the label, or {@code null}
 * @param sipUsername the SIP username
 * @param sipAddress the SIP server
 * @param sipCallingFormat {@code +e164}, {@code e164} or {@code national}
 * @param inboundAuthorizationType {@code auth} or {@code ip}
 * @param allowedInboundIps the allowed addresses when {@code ip}, otherwise {@code null}
 * @param outboundProxy whether outbound calls use the fixed-IP proxy
 * @param countryCode ISO 3166-1 alpha-2
 * @param inboundTrunkId LiveKit's inbound trunk id
 * @param outboundTrunkId LiveKit's outbound trunk id
 * @param createdAt when the trunk was committed
 * @param updatedAt when it last changed
 */
public record SipTrunk(long id, String phoneNumber, String nickname, String sipUsername, String sipAddress,
		String sipCallingFormat, String inboundAuthorizationType, List<String> allowedInboundIps, boolean outboundProxy,
		String countryCode, String inboundTrunkId, String outboundTrunkId, Instant createdAt, Instant updatedAt) {

	/**
	 * The trunk a worker committed for a create command, as the database holds it: the
	 * worker copies the request's fields into the trunk unchanged, so the gateway that
	 * accepted the command can answer without reading the trunk back.
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
		return new SipTrunk(id, command.phoneNumber(), command.nickname(), command.sipUsername(), command.sipAddress(),
				command.callingFormat().wire(), command.inboundAuthorization().wire(), command.allowedInboundIps(),
				command.outboundProxy(), command.countryCode(), inboundTrunkId, outboundTrunkId, committedAt,
				committedAt);
	}

}
