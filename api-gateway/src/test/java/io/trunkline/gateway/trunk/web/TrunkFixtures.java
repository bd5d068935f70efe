package io.trunkline.gateway.trunk.web;

import java.util.UUID;

import io.trunkline.schema.trunk.TrunkColumns;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Request bodies and committed trunks with domain names, for the API's tests.
 */
final class TrunkFixtures {

	private TrunkFixtures() {
	}

	/** The documented first example: an extension with password authentication. */
	static String extensionTrunk(String extension) {
		return """
				{
				  "sip_trunk_type": "extension",
				  "phone_number": "%s",
				  "nickname": "Provider X — Main",
				  "sip_username": "myuser",
				  "sip_password": "correct-horse-battery",
				  "sip_address": "sip.provider.com",
				  "sip_calling_format": "+e164",
				  "inbound_authorization_type": "auth",
				  "country_code": "US"
				}
				""".formatted(extension);
	}

	/**
	 * The documented second example: a DID with IP authentication through the outbound
	 * proxy.
	 */
	static String didTrunkWithIpAuth(String number) {
		return """
				{
				  "sip_trunk_type": "number",
				  "phone_number": "%s",
				  "sip_username": "trunk_user",
				  "sip_password": "correct-horse-battery",
				  "sip_address": "sip.provider.com",
				  "sip_calling_format": "e164",
				  "inbound_authorization_type": "ip",
				  "allowed_inbound_ips": ["203.0.113.10", "198.51.100.20"],
				  "country_code": "US",
				  "outbound_proxy": true
				}
				""".formatted(number);
	}

	/**
	 * Does what the worker does when it provisions a request: commits the trunk with both
	 * LiveKit ids.
	 * @return the trunk's id
	 */
	static long commitTrunk(JdbcClient jdbc, UUID requestId) {
		long trunkId = jdbc.sql("""
				INSERT INTO sip_trunks (account_id, request_id, %s, inbound_trunk_id, outbound_trunk_id)
				SELECT account_id, id, %s, 'ST_inboundAAAAA', 'ST_outboundAAAA'
				FROM provisioning_requests WHERE id = ?
				RETURNING id
				""".formatted(TrunkColumns.NAMES, TrunkColumns.NAMES)).param(requestId).query(Long.class).single();
		jdbc.sql(
				"UPDATE provisioning_requests SET status = 'provisioned', trunk_id = ?, completed_at = now() WHERE id = ?")
			.params(trunkId, requestId)
			.update();
		return trunkId;
	}

}
