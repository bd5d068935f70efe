package io.trunkline.gateway.trunk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.trunkline.gateway.trunk.SipTrunk;
import io.trunkline.schema.trunk.TrunkDefinition;

/**
 * A trunk exactly as the API documents it: snake_case fields, timestamps in UTC with six
 * fractional digits and {@code Z}. There is no password field to leak.
 */
record TrunkJson(long id, @JsonProperty("phone_number") String phoneNumber, String nickname,
		@JsonProperty("sip_username") String sipUsername, @JsonProperty("sip_address") String sipAddress,
		@JsonProperty("sip_calling_format") String sipCallingFormat,
		@JsonProperty("inbound_authorization_type") String inboundAuthorizationType,
		@JsonProperty("allowed_inbound_ips") List<String> allowedInboundIps,
		@JsonProperty("outbound_proxy") boolean outboundProxy, @JsonProperty("country_code") String countryCode,
		@JsonProperty("inbound_trunk_id") String inboundTrunkId,
		@JsonProperty("outbound_trunk_id") String outboundTrunkId, @JsonProperty("created_at") String createdAt,
		@JsonProperty("updated_at") String updatedAt) {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	static TrunkJson of(SipTrunk trunk) {
		TrunkDefinition definition = trunk.definition();
		return new TrunkJson(trunk.id(), definition.phoneNumber(), definition.nickname(), definition.sipUsername(),
				definition.sipAddress(), definition.callingFormat().wire(), definition.inboundAuthorization().wire(),
				definition.allowedInboundIps(), definition.outboundProxy(), definition.countryCode(),
				trunk.inboundTrunkId(), trunk.outboundTrunkId(), timestamp(trunk.createdAt()),
				timestamp(trunk.updatedAt()));
	}

	static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

}
