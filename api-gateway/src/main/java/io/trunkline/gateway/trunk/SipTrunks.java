package io.trunkline.gateway.trunk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The committed trunks, read-only from the gateway: the worker writes them.
 */
@Component
public class SipTrunks {

	private static final String COLUMNS = """
			id, phone_number, nickname, sip_username, sip_address, sip_calling_format, inbound_authorization_type,
			allowed_inbound_ips, outbound_proxy, country_code, inbound_trunk_id, outbound_trunk_id, created_at, updated_at
			""";

	private final JdbcClient jdbc;

	SipTrunks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param accountId the caller's account
	 * @param trunkId a trunk id
	 * @return the trunk, if it belongs to that account
	 */
	public Optional<SipTrunk> find(long accountId, long trunkId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sip_trunks WHERE id = ? AND account_id = ?")
			.params(trunkId, accountId)
			.query(SipTrunks::trunk)
			.optional();
	}

	/**
	 * @param accountId the caller's account
	 * @param offset how many of the newest trunks to skip
	 * @param limit the most trunks to return
	 * @return the account's trunks, newest first
	 */
	public List<SipTrunk> list(long accountId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM sip_trunks WHERE account_id = ? ORDER BY id DESC OFFSET ? LIMIT ?")
			.params(accountId, offset, limit)
			.query(SipTrunks::trunk)
			.list();
	}

	/**
	 * @param accountId the caller's account
	 * @return how many trunks the account has
	 */
	public long count(long accountId) {
		return this.jdbc.sql("SELECT count(*) FROM sip_trunks WHERE account_id = ?")
			.param(accountId)
			.query(Long.class)
			.single();
	}

	private static SipTrunk trunk(ResultSet rs, int row) throws SQLException {
		String[] ips = ProvisioningRequests.stringArray(rs.getArray("allowed_inbound_ips"));
		return new SipTrunk(rs.getLong("id"), rs.getString("phone_number"), rs.getString("nickname"),
				rs.getString("sip_username"), rs.getString("sip_address"), rs.getString("sip_calling_format"),
				rs.getString("inbound_authorization_type"), (ips != null) ? Arrays.asList(ips) : null,
				rs.getBoolean("outbound_proxy"), rs.getString("country_code"), rs.getString("inbound_trunk_id"),
				rs.getString("outbound_trunk_id"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
