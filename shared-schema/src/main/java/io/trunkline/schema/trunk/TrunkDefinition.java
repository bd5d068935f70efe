package io.trunkline.schema.trunk;

import java.util.List;
import java.util.Objects;

/**
 * A SIP trunk as its owner defined it: every field the API accepts and shows, except the
 * SIP password (kept encrypted, beside it) and LiveKit's trunk ids (known once it is
 * provisioned). The gateway builds it from a create that passed every rule; the database
 * stores it in the columns of the same names, on the provisioning request and then on the
 * committed trunk; the worker provisions LiveKit's two trunks from it.
 *
 * @param type an extension or a number
 * @param phoneNumber the extension, or the number in E.164 with {@code +}
 * @param nickname a label, or {@code null}
 * @param sipUsername the SIP username
 * @param sipAddress the SIP server host or IP literal, without port
 * @param callingFormat how the number is written on outbound calls
 * @param inboundAuthorization how inbound calls are authenticated
 * @param allowedInboundIps the allowed addresses or ranges when authorised by address,
 * otherwise {@code null}
 * @param outboundProxy whether outbound calls go through the installation's fixed-IP
 * proxy
 * @param countryCode ISO 3166-1 alpha-2
 */
public record TrunkDefinition(TrunkType type, String phoneNumber, String nickname, String sipUsername,
		String sipAddress, CallingFormat callingFormat, InboundAuthorization inboundAuthorization,
		List<String> allowedInboundIps, boolean outboundProxy, String countryCode) {

	public TrunkDefinition {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(phoneNumber, "phoneNumber");
		Objects.requireNonNull(sipUsername, "sipUsername");
		Objects.requireNonNull(sipAddress, "sipAddress");
		Objects.requireNonNull(callingFormat, "callingFormat");
		Objects.requireNonNull(inboundAuthorization, "inboundAuthorization");
		Objects.requireNonNull(countryCode, "countryCode");
		allowedInboundIps = (allowedInboundIps != null) ? List.copyOf(allowedInboundIps) : null;
	}

	/**
	 * @return whether the trunk is a PBX extension rather than a number
	 */
	public boolean isExtension() {
		return this.type == TrunkType.EXTENSION;
	}

	/**
	 * @return whether inbound calls are authorised by their source address
	 */
	public boolean ipAuthenticated() {
		return this.inboundAuthorization == InboundAuthorization.IP;
	}

}
