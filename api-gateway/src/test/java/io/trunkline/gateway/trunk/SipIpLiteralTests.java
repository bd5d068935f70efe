package io.trunkline.gateway.trunk;

import org.junit.jupiter.api.Test;
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

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "0x7f.1", "0177.0.0.1", "2130706433", "0x7f000001", "127.1", "::ffff:01.2.3.4",
			"::ffff:0x7f.0.0.1", "fe80::1%25eth0", "fe80::1%", "00001::", "*", "1.2.3.*", "1-2.3.4.5", "1.2.3.4/32",
			"::1/128", "1.2.3.4/255.0.0.0", " 1.2.3.4", "\t::1", "::1\n" })
	void refusesTheFormsALenientParserTakes(String text) {
		boolean parsed = SipIpLiteral.parse(text).isPresent();

		assertThat(parsed).isFalse();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "::ffff:0.0.0.0, ::ffff:0.0.0.0", "0:0:0:0:0:FFFF:0A00:0001, ::ffff:10.0.0.1",
			"::ffff:0:1.2.3.4, ::ffff:0:102:304" })
	void writesOnlyAnIpv4MappedAddressWithADottedQuad(String text, String canonical) {
		String written = SipIpLiteral.parse(text).orElseThrow().toString();

		assertThat(written).isEqualTo(canonical);
	}

	@ParameterizedTest(name = "{0} -> {1} /{2}")
	@CsvSource({ "10.0.0.0/8, 10.0.0.0, 8", "10.0.0.1/8, 10.0.0.1, 8", "0.0.0.0/0, 0.0.0.0, 0", "::/0, ::, 0",
			"2001:DB8::/32, 2001:db8::, 32", "::ffff:10.0.0.0/104, ::ffff:10.0.0.0, 104",
			"203.0.113.10/32, 203.0.113.10, 32" })
	void readsTheAddressAndPrefixOfARange(String text, String address, int prefix) {
		SipIpLiteral.Prefixed range = SipIpLiteral.parsePrefixed(text).orElseThrow();

		assertThat(range.address()).hasToString(address);
		assertThat(range.prefix()).hasValue(prefix);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "1.2.3.4/", "1.2.3.4/08", "::/00", "1.2.3.4/33", "::/129", "1.2.3.4/+8", "1.2.3.4/ 8",
			"1.2.3.4/8 ", "1.2.3.4/-1", "1.2.3.4/0x8", "1.2.3.4/\u0668", "1.2.3.4/8/8", "/8", "1.2.3.4/255.0.0.0" })
	void refusesAMalformedPrefix(String text) {
		boolean parsed = SipIpLiteral.parsePrefixed(text).isPresent();

		assertThat(parsed).isFalse();
	}

	@Test
	void readsABareAddressWithoutAPrefix() {
		SipIpLiteral.Prefixed bare = SipIpLiteral.parsePrefixed("2001:0db8::1").orElseThrow();

		assertThat(bare.address()).hasToString("2001:db8::1");
		assertThat(bare.prefix()).isEmpty();
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
