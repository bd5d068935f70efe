package io.trunkline.gateway.trunk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.trunkline.schema.trunk.TrunkColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The committed trunks, read-only from the gateway: the worker writes them.
 */
@Component
public class SipTrunks {

	private static final String COLUMNS = "id, " + TrunkColumns.NAMES
			+ ", inbound_trunk_id, outbound_trunk_id, created_at, updated_at";

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
		return new SipTrunk(rs.getLong("id"), TrunkColumns.read(rs), rs.getString("inbound_trunk_id"),
				rs.getString("outbound_trunk_id"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
