package io.trunkline.gateway.trunk;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create bodies as clients send them: the requests behind the two documented 201
 * examples.
 */
final class TrunkBodies {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PASSWORD = "s3cret-Pa55";

	private TrunkBodies() {
	}

	/** The request behind the documented "Extension with password auth" response. */
	static ObjectNode extensionTrunk() {
		return object("""
				{
				  "sip_trunk_type": "extension",
				  "phone_number": "1000",
				  "nickname": "Provider X — Main",
				  "sip_username": "myuser",
				  "sip_password": "%s",
				  "sip_address": "sip.provider.com",
				  "sip_calling_format": "+e164",
				  "inbound_authorization_type": "auth",
				  "country_code": "US"
				}
				""".formatted(PASSWORD));
	}

	/** The request behind the documented "Phone number (DID) with IP auth" response. */
	static ObjectNode didTrunkWithIpAuth() {
		return object("""
				{
				  "sip_trunk_type": "number",
				  "phone_number": "+14155551234",
				  "sip_username": "trunk_user",
				  "sip_password": "%s",
				  "sip_address": "sip.provider.com",
				  "sip_calling_format": "e164",
				  "inbound_authorization_type": "ip",
				  "allowed_inbound_ips": ["203.0.113.10", "198.51.100.20"],
				  "country_code": "US",
				  "outbound_proxy": true
				}
				""".formatted(PASSWORD));
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	/**
	 * The JSON string literal for a text, escaped.
	 * @param text the text
	 * @return the text as a JSON string
	 */
	static String string(String text) {
		return JSON.writeValueAsString(text);
	}

	private static ObjectNode object(String text) {
		return (ObjectNode) json(text);
	}

}
