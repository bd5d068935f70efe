package io.trunkline.gateway.trunk;

import java.util.List;
import java.util.Objects;

import io.trunkline.schema.trunk.CallingFormat;
import io.trunkline.schema.trunk.InboundAuthorization;
import io.trunkline.schema.trunk.TrunkType;

/**
 * Command: create a SIP trunk. Built only by {@link CreateTrunkRules} from a body that
 * passed every rule, so its values are already normalised (E.164 number, upper-case
 * country, lower-case host).
 *
 * @param type extension or DID
 * @param phoneNumber the extension, or the number in E.164 with {@code +}
 * @param nickname a label, or {@code null}
 * @param sipUsername the SIP username
 * @param sipPassword the SIP password; never logged, never returned, encrypted before it
 * is stored
 * @param sipAddress the SIP server host or IP literal, without port
 * @param callingFormat how the number is written on outbound calls
 * @param inboundAuthorization how inbound calls are authenticated
 * @param allowedInboundIps the allowed addresses or ranges when {@code ip}, otherwise
 * {@code null}
 * @param outboundProxy whether outbound calls go through the installation's fixed-IP
 * proxy
 * @param countryCode ISO 3166-1 alpha-2
 */
public record CreateTrunk(TrunkType type, String phoneNumber, String nickname, String sipUsername, String sipPassword,
		String sipAddress, CallingFormat callingFormat, InboundAuthorization inboundAuthorization,
		List<String> allowedInboundIps, boolean outboundProxy, String countryCode) {

	public CreateTrunk {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(phoneNumber, "phoneNumber");
		Objects.requireNonNull(sipUsername, "sipUsername");
		Objects.requireNonNull(sipPassword, "sipPassword");
		Objects.requireNonNull(sipAddress, "sipAddress");
		Objects.requireNonNull(callingFormat, "callingFormat");
		Objects.requireNonNull(inboundAuthorization, "inboundAuthorization");
		Objects.requireNonNull(countryCode, "countryCode");
		allowedInboundIps = (allowedInboundIps != null) ? List.copyOf(allowedInboundIps) : null;
	}

	@Override
	public String toString() {
		return "CreateTrunk[type=" + this.type + ", phoneNumber=" + this.phoneNumber + ", sipUsername="
				+ this.sipUsername + ", sipAddress=" + this.sipAddress + ", sipPassword=(hidden)]";
	}

}
