package io.trunkline.gateway.trunk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The literal parser behind SIP addresses and allow-list entries: strict input, RFC 5952
 * output.
 */
class SipIpLiteralTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255", "203.0.113.10, 203.0.113.10",
			"2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
			"2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::", "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", "::, ::",
			"::1, ::1", "1::, 1::", "FE80::A, fe80::a", "::ffff:203.0.113.10, ::ffff:203.0.113.10",
			"::1.2.3.4, ::102:304", "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304", "1:0:0:0:0:0:0:8, 1::8" })
	void writesTheCanonicalForm(String text, String canonical) {
		String written = SipIpLiteral.parse(text).orElseThrow().toString();

		assertThat(written).isEqualTo(canonical);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", ".", ":", ":::", "1:::2", ":1::", "1::2:", "1::2::3", "12345::", "g::1",
			"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "1:2:3:4:5:6:7", "1.2.3.4::", "::1.2.3.4.5", "::1.2.3",
			"::ffff:999.1.1.1", "fe80::1%eth0", "[::1]", "1.2.3", "1.2.3.4.", ".1.2.3.4", "256.1.1.1", "01.1.1.1",
			"1.2.3.-4", "1.2.3.4 ", "0x7f.0.0.1", "1..2.3", "\u0661.\u0662.\u0663.\u0664", "\uFF11::" })
	void refusesWhatIsNotAStrictLiteral(String text) {
		boolean parsed = SipIpLiteral.parse(text).isPresent();

		assertThat(parsed).isFalse();
	}

	@ParameterizedTest(name = "{0}/{1} has host bits: {2}")
	@CsvSource({ "10.0.0.0, 8, false", "10.0.0.1, 8, true", "10.255.0.0, 8, true", "203.0.113.10, 32, false",
			"2001:db8::, 32, false", "2001:db8::1, 32, true", "2001:db8::1, 128, false", "0.0.0.0, 0, false" })
	void findsHostBitsAfterThePrefix(String address, int prefix, boolean expected) {
		SipIpLiteral literal = SipIpLiteral.parse(address).orElseThrow();

		boolean hostBits = literal.hasHostBitsAfter(prefix);

		assertThat(hostBits).isEqualTo(expected);
	}

}
