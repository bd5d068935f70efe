package io.trunkline.bench.floor;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;

/**
 * The fields of a create body the floor needs, and the two LiveKit trunks they map to, as
 * the worker maps them (name, marker, numbers, digest or IP authentication, calling
 * number in the trunk's format, destination country). No validation: the floor trusts the
 * benchmark's bodies.
 */
record TrunkFields(String type, String phoneNumber, String sipUsername, String sipPassword, String sipAddress,
		String callingFormat, String inboundAuthorization, List<String> allowedInboundIps, String countryCode) {

	static TrunkFields of(JsonNode body) {
		List<String> ips = new ArrayList<>();
		body.path("allowed_inbound_ips").forEach((ip) -> ips.add(ip.asText()));
		return new TrunkFields(body.path("sip_trunk_type").asText(), body.path("phone_number").asText(),
				body.path("sip_username").asText(), body.path("sip_password").asText(),
				body.path("sip_address").asText(), body.path("sip_calling_format").asText(),
				body.path("inbound_authorization_type").asText(), ips, body.path("country_code").asText());
	}

	SIPInboundTrunkInfo inbound(String marker) {
		boolean ip = "ip".equals(this.inboundAuthorization);
		return SIPInboundTrunkInfo.newBuilder()
			.setName("Trunkline " + this.phoneNumber)
			.setMetadata(marker)
			.addNumbers(this.phoneNumber)
			.addAllAllowedAddresses(ip ? this.allowedInboundIps : List.of())
			.setAuthUsername(ip ? "" : this.sipUsername)
			.setAuthPassword(ip ? "" : this.sipPassword)
			.build();
	}

	SIPOutboundTrunkInfo outbound(String marker) {
		return SIPOutboundTrunkInfo.newBuilder()
			.setName("Trunkline " + this.phoneNumber)
			.setMetadata(marker)
			.setAddress(this.sipAddress)
			.addNumbers(callingNumber())
			.setAuthUsername(this.sipUsername)
			.setAuthPassword(this.sipPassword)
			.setDestinationCountry(this.countryCode)
			.build();
	}

	private String callingNumber() {
		if ("extension".equals(this.type) || !"e164".equals(this.callingFormat)) {
			return this.phoneNumber;
		}
		return this.phoneNumber.startsWith("+") ? this.phoneNumber.substring(1) : this.phoneNumber;
	}

}
