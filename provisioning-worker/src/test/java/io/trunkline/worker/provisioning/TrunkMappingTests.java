package io.trunkline.worker.provisioning;

import java.util.List;
import java.util.UUID;

import io.trunkline.schema.secret.EncryptedSecret;
import io.trunkline.schema.trunk.CallingFormat;
import io.trunkline.schema.trunk.InboundAuthorization;
import io.trunkline.schema.trunk.TrunkDefinition;
import io.trunkline.schema.trunk.TrunkType;
import io.trunkline.worker.voice.InboundTrunk;
import io.trunkline.worker.voice.OutboundTrunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The product's mapping of a trunk onto LiveKit's inbound and outbound trunks.
 */
class TrunkMappingTests {

	static final UUID REQUEST = UUID.fromString("4b42a948-f6c6-4ae9-ba62-45619b591b38");

	final TrunkMapping mapping = new TrunkMapping("acme", "proxy.trunkline.test:5060");

	@ParameterizedTest
	@CsvSource({ "+14155551234, +e164, +14155551234", "+14155551234, e164, 14155551234",
			"+14155551234, national, 4155551234", "+442071838750, national, 02071838750",
			"+442071838750, e164, 442071838750", "+40741926265, national, 0741926265" })
	void writesTheCallingNumberInTheTrunksFormat(String number, String format, String expected) {
		TrunkRequest request = did(number, format, "auth", false);

		assertThat(TrunkMapping.callingNumber(request.trunk())).isEqualTo(expected);
	}

	@Test
	void keepsAnExtensionAsItIsInEveryFormat() {
		TrunkRequest request = extension("1000", "national");

		assertThat(TrunkMapping.callingNumber(request.trunk())).isEqualTo("1000");
	}

	@Test
	void authenticatesAnInboundAuthTrunkWithTheSipCredentials() {
		InboundTrunk inbound = this.mapping.inbound(extension("1000", "+e164"), "s3cret");

		assertThat(inbound.numbers()).containsExactly("1000");
		assertThat(inbound.authUsername()).isEqualTo("myuser");
		assertThat(inbound.authPassword()).isEqualTo("s3cret");
		assertThat(inbound.allowedAddresses()).isEmpty();
		assertThat(inbound.name()).isEqualTo("Provider X — Main");
		assertThat(inbound.toString()).doesNotContain("s3cret");
	}

	@Test
	void authenticatesAnInboundIpTrunkByAddressesAndNoCredentials() {
		InboundTrunk inbound = this.mapping.inbound(did("+14155551234", "e164", "ip", false), "s3cret");

		assertThat(inbound.allowedAddresses()).containsExactly("203.0.113.10", "198.51.100.0/24");
		assertThat(inbound.authUsername()).isEmpty();
		assertThat(inbound.authPassword()).isEmpty();
		assertThat(inbound.name()).isEqualTo("Trunkline +14155551234");
	}

	@Test
	void pointsTheOutboundTrunkAtTheProviderWithItsCredentials() {
		OutboundTrunk outbound = this.mapping.outbound(did("+14155551234", "e164", "ip", false), "s3cret");

		assertThat(outbound.address()).isEqualTo("sip.provider.com");
		assertThat(outbound.numbers()).containsExactly("14155551234");
		assertThat(outbound.authUsername()).isEqualTo("trunk_user");
		assertThat(outbound.authPassword()).isEqualTo("s3cret");
		assertThat(outbound.destinationCountry()).isEqualTo("US");
		assertThat(outbound.headers()).isEmpty();
		assertThat(outbound.toString()).doesNotContain("s3cret");
	}

	@Test
	void routesAnOutboundProxyTrunkThroughTheProxyWithTheProviderInAHeader() {
		OutboundTrunk outbound = this.mapping.outbound(did("+14155551234", "e164", "ip", true), "s3cret");

		assertThat(outbound.address()).isEqualTo("proxy.trunkline.test:5060");
		assertThat(outbound.headers()).containsExactly(java.util.Map.entry("X-Trunkline-Upstream", "sip.provider.com"));
	}

	@Test
	void refusesAnOutboundProxyTrunkWhereNoProxyIsConfigured() {
		TrunkMapping noProxy = new TrunkMapping("acme", "");

		assertThatThrownBy(() -> noProxy.outbound(did("+14155551234", "e164", "ip", true), "s3cret"))
			.isInstanceOf(TrunkMapping.OutboundProxyUnavailable.class);
	}

	@Test
	void marksBothTrunksWithTheRequestForThisInstallationOnly() {
		TrunkRequest request = extension("1000", "+e164");

		String marker = this.mapping.inbound(request, "s3cret").metadata();

		assertThat(marker).isEqualTo("{\"trunkline\":\"acme\",\"request\":\"" + REQUEST + "\",\"account\":7}");
		assertThat(this.mapping.outbound(request, "s3cret").metadata()).isEqualTo(marker);
		assertThat(this.mapping.requestMarkedBy(marker)).contains(REQUEST);
		assertThat(Marker.requestOf("another-installation", marker)).isEmpty();
		assertThat(this.mapping.requestMarkedBy("{\"someone\":\"else\"}")).isEmpty();
		assertThat(this.mapping.requestMarkedBy("")).isEmpty();
	}

	static TrunkRequest extension(String extension, String format) {
		return new TrunkRequest(REQUEST, 7,
				new TrunkDefinition(TrunkType.EXTENSION, extension, "Provider X — Main", "myuser", "sip.provider.com",
						CallingFormat.fromWire(format), InboundAuthorization.AUTH, null, false, "US"),
				new EncryptedSecret("k1", new byte[28]), 1, null);
	}

	static TrunkRequest did(String number, String format, String inboundAuthorization, boolean outboundProxy) {
		return new TrunkRequest(REQUEST, 7,
				new TrunkDefinition(TrunkType.NUMBER, number, null, "trunk_user", "sip.provider.com",
						CallingFormat.fromWire(format), InboundAuthorization.fromWire(inboundAuthorization),
						List.of("203.0.113.10", "198.51.100.0/24"), outboundProxy, "US"),
				new EncryptedSecret("k1", new byte[28]), 1, null);
	}

}
