package io.trunkline.schema.trunk;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The trunk's definition, the one shape both services read and write.
 */
class TrunkDefinitionTests {

	static TrunkDefinition didTrunkWithIpAuth(List<String> ips) {
		return new TrunkDefinition(TrunkType.NUMBER, "+14155551234", null, "trunk_user", "sip.provider.com",
				CallingFormat.E164, InboundAuthorization.IP, ips, true, "US");
	}

	@Test
	void keepsItsOwnCopyOfTheAllowedAddresses() {
		List<String> ips = new ArrayList<>(List.of("203.0.113.10"));

		TrunkDefinition trunk = didTrunkWithIpAuth(ips);
		ips.add("198.51.100.20");

		assertThat(trunk.allowedInboundIps()).containsExactly("203.0.113.10");
		assertThat(trunk.ipAuthenticated()).isTrue();
		assertThat(trunk.isExtension()).isFalse();
	}

	@Test
	void refusesAMissingRequiredField() {
		assertThatNullPointerException()
			.isThrownBy(() -> new TrunkDefinition(TrunkType.EXTENSION, "1000", "Main", null, "sip.provider.com",
					CallingFormat.PLUS_E164, InboundAuthorization.AUTH, null, false, "US"))
			.withMessage("sipUsername");
	}

	@Test
	void namesEveryColumnOnceInTheRecordsOrderAndQualifiesThemWithAnAlias() {
		List<String> columns = List.of(TrunkColumns.NAMES.split(", "));

		assertThat(columns).hasSize(TrunkDefinition.class.getRecordComponents().length).doesNotHaveDuplicates();
		assertThat(columns).startsWith("sip_trunk_type", "phone_number").endsWith("country_code");
		assertThat(TrunkColumns.names("r").split(", ")).allMatch((column) -> column.startsWith("r."))
			.hasSameSizeAs(columns);
	}

}
