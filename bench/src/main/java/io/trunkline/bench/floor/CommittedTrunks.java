package io.trunkline.bench.floor;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The floor's one committed insert per create: a row shaped like Trunkline's
 * {@code sip_trunks}, written with auto-commit through a Hikari pool of the stack's size,
 * on an embedded PostgreSQL configured as the stack's.
 */
final class CommittedTrunks {

	private final DataSource dataSource;

	CommittedTrunks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	void createTable() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE IF NOT EXISTS sip_trunks (
					    id                          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					    account_id                  BIGINT      NOT NULL,
					    phone_number                TEXT        NOT NULL,
					    sip_username                TEXT        NOT NULL,
					    sip_address                 TEXT        NOT NULL,
					    sip_calling_format          TEXT        NOT NULL,
					    inbound_authorization_type  TEXT        NOT NULL,
					    allowed_inbound_ips         TEXT[],
					    country_code                TEXT        NOT NULL,
					    inbound_trunk_id            TEXT        NOT NULL,
					    outbound_trunk_id           TEXT        NOT NULL,
					    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now()
					)""");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the floor's table", ex);
		}
	}

	long insert(TrunkFields trunk, String inboundTrunkId, String outboundTrunkId) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO sip_trunks (account_id, phone_number, sip_username, sip_address, sip_calling_format,
						    inbound_authorization_type, allowed_inbound_ips, country_code, inbound_trunk_id,
						    outbound_trunk_id)
						VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
			Array ips = trunk.allowedInboundIps().isEmpty() ? null
					: connection.createArrayOf("text", trunk.allowedInboundIps().toArray());
			insert.setString(1, trunk.phoneNumber());
			insert.setString(2, trunk.sipUsername());
			insert.setString(3, trunk.sipAddress());
			insert.setString(4, trunk.callingFormat());
			insert.setString(5, trunk.inboundAuthorization());
			insert.setArray(6, ips);
			insert.setString(7, trunk.countryCode());
			insert.setString(8, inboundTrunkId);
			insert.setString(9, outboundTrunkId);
			try (ResultSet id = insert.executeQuery()) {
				id.next();
				return id.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not insert trunk " + trunk.phoneNumber(), ex);
		}
	}

	void clear() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("TRUNCATE sip_trunks");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not empty the floor's table", ex);
		}
	}

	long count() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT count(*) FROM sip_trunks")) {
			count.next();
			return count.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not count trunks", ex);
		}
	}

}
