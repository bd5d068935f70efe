package io.trunkline.schema.trunk;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The columns that hold a {@link TrunkDefinition}, named alike in
 * {@code provisioning_requests} and {@code sip_trunks} (see the migrations beside this
 * contract), and how a row of either is read back.
 */
public final class TrunkColumns {

	/**
	 * The columns, in the record's order, for a {@code SELECT} or an {@code INSERT} list.
	 */
	public static final String NAMES = "sip_trunk_type, phone_number, nickname, sip_username, sip_address, "
			+ "sip_calling_format, inbound_authorization_type, allowed_inbound_ips, outbound_proxy, country_code";

	private TrunkColumns() {
	}

	/**
	 * @param alias a table alias
	 * @return {@link #NAMES}, each qualified with the alias
	 */
	public static String names(String alias) {
		return alias + "." + NAMES.replace(", ", ", " + alias + ".");
	}

	/**
	 * @param row a row positioned on a request or a trunk, with every column of
	 * {@link #NAMES}
	 * @return the definition it holds
	 * @throws SQLException when a column is missing or unreadable
	 */
	public static TrunkDefinition read(ResultSet row) throws SQLException {
		Array ips = row.getArray("allowed_inbound_ips");
		return new TrunkDefinition(TrunkType.fromWire(row.getString("sip_trunk_type")), row.getString("phone_number"),
				row.getString("nickname"), row.getString("sip_username"), row.getString("sip_address"),
				CallingFormat.fromWire(row.getString("sip_calling_format")),
				InboundAuthorization.fromWire(row.getString("inbound_authorization_type")),
				(ips != null) ? Arrays.asList((String[]) ips.getArray()) : null, row.getBoolean("outbound_proxy"),
				row.getString("country_code"));
	}

}
