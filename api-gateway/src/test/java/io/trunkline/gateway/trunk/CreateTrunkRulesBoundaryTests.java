package io.trunkline.gateway.trunk;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.trunkline.schema.trunk.CallingFormat;
import io.trunkline.schema.trunk.TrunkType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.trunkline.gateway.trunk.TrunkBodies.didTrunkWithIpAuth;
import static io.trunkline.gateway.trunk.TrunkBodies.extensionTrunk;
import static io.trunkline.gateway.trunk.TrunkBodies.json;
import static io.trunkline.gateway.trunk.TrunkBodies.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Every field rule at its boundaries, as a table: one field of a valid body replaced by a
 * JSON value, and what comes of it. "absent" removes the field.
 */
class CreateTrunkRulesBoundaryTests {

	private static final String ABSENT = "absent";

	private static final String EM_DASH = "\u2014";

	private static final String EMOJI = "\uD83D\uDCDE";

	private static final String ADDRESS_RULE = "SIP server address must be a host name or IP address without scheme, port or path.";

	private static final String E164_RULE = "Phone number must be a valid E.164 number with a leading +, e.g. +14155551234.";

	private static final String EXTENSION_LENGTH_RULE = "Extension must be 1 to 15 characters without spaces, @ or :.";

	private static final String EXTENSION_CHARACTER_RULE = "Extension may contain only letters, digits and the symbols + - _ . ! ~ * ' ( ).";

	private static final String USERNAME_LENGTH_RULE = "SIP username must be between 3 and 128 characters.";

	private static final String COUNTRY_RULE = "Country code must be a valid ISO 3166-1 alpha-2 code.";

	private static final String IP_RULE = "must be a valid IPv4 or IPv6 address or CIDR range.";

	private static final String TOO_BROAD = "is too broad: IPv4 ranges must be /8 or narrower and IPv6 ranges /32 or narrower.";

	private final CreateTrunkRules rules = new CreateTrunkRules(true);

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptedValues")
	void acceptsAndNormalises(String row, Supplier<ObjectNode> fixture, String field, String value,
			Function<CreateTrunk, Object> reading, Object expected) {
		ObjectNode body = with(fixture.get(), field, value);

		CreateTrunk command = this.rules.validate(body);

		assertThat(reading.apply(command)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejectedValues")
	void rejectsWithOneMessageOnTheField(String row, Supplier<ObjectNode> fixture, String field, String value,
			String key, String message) {
		ObjectNode body = with(fixture.get(), field, value);

		InvalidTrunk invalid = catchThrowableOfType(InvalidTrunk.class, () -> this.rules.validate(body));

		assertThat(invalid).as("expected InvalidTrunk").isNotNull();
		assertThat(invalid.errors()).containsExactly(entry(key, List.of(message)));
	}

	@ParameterizedTest(name = "non-object body {0}")
	@ValueSource(strings = { "[]", "[{\"sip_trunk_type\": \"extension\"}]", "\"extension\"", "null", "42", "true" })
	void reportsEveryRequiredFieldForANonObjectBody(String value) {
		JsonNode body = json(value);

		InvalidTrunk invalid = catchThrowableOfType(InvalidTrunk.class, () -> this.rules.validate(body));

		assertThat(invalid.errors()).containsExactly(entry("sip_trunk_type", List.of("SIP trunk type is required.")),
				entry("phone_number", List.of("Phone number is required.")),
				entry("sip_username", List.of("SIP username is required.")),
				entry("sip_password", List.of("SIP password is required.")),
				entry("sip_address", List.of("SIP server address is required.")),
				entry("sip_calling_format", List.of("SIP calling format is required.")),
				entry("inbound_authorization_type", List.of("Inbound authorization type is required.")),
				entry("country_code", List.of("Country code is required.")));
	}

	static Stream<Arguments> acceptedValues() {
		Supplier<ObjectNode> extension = TrunkBodies::extensionTrunk;
		Supplier<ObjectNode> did = TrunkBodies::didTrunkWithIpAuth;
		Function<CreateTrunk, Object> phone = (command) -> command.trunk().phoneNumber();
		Function<CreateTrunk, Object> nickname = (command) -> command.trunk().nickname();
		Function<CreateTrunk, Object> username = (command) -> command.trunk().sipUsername();
		Function<CreateTrunk, Object> password = CreateTrunk::sipPassword;
		Function<CreateTrunk, Object> address = (command) -> command.trunk().sipAddress();
		Function<CreateTrunk, Object> ips = (command) -> command.trunk().allowedInboundIps();
		Function<CreateTrunk, Object> country = (command) -> command.trunk().countryCode();
		return Stream.of(
				// sip_trunk_type, sip_calling_format, inbound_authorization_type,
				// outbound_proxy
				accepts("trunk type number", did, "sip_trunk_type", "\"number\"", (command) -> command.trunk().type(),
						TrunkType.NUMBER),
				accepts("calling format national", extension, "sip_calling_format", "\"national\"",
						(command) -> command.trunk().callingFormat(), CallingFormat.NATIONAL),
				accepts("outbound proxy true", extension, "outbound_proxy", "true",
						(command) -> command.trunk().outboundProxy(), true),
				// phone_number: extension
				accepts("extension of 1 character", extension, "phone_number", "\"7\"", phone, "7"),
				accepts("extension of 15 characters", extension, "phone_number", string("123456789012345"), phone,
						"123456789012345"),
				accepts("extension with feature-code marks", extension, "phone_number", string("*97"), phone, "*97"),
				accepts("extension with leading zero kept", extension, "phone_number", string("0100"), phone, "0100"),
				accepts("extension with letters", extension, "phone_number", string("sales_1"), phone, "sales_1"),
				// phone_number: number
				accepts("E.164 US number", did, "phone_number", string("+14155551234"), phone, "+14155551234"),
				accepts("E.164 UK number", did, "phone_number", string("+442071838750"), phone, "+442071838750"),
				accepts("national prefix after country code dropped", did, "phone_number", string("+4402071838750"),
						phone, "+442071838750"),
				// nickname
				accepts("nickname of 50 characters with an em dash", extension, "nickname",
						string("a".repeat(49) + EM_DASH), nickname, "a".repeat(49) + EM_DASH),
				accepts("nickname of 50 emoji (100 UTF-16 units)", extension, "nickname", string(EMOJI.repeat(50)),
						nickname, EMOJI.repeat(50)),
				accepts("documented nickname", extension, "nickname", string("Provider X " + EM_DASH + " Main"),
						nickname, "Provider X " + EM_DASH + " Main"),
				accepts("nickname null", extension, "nickname", "null", nickname, null),
				accepts("nickname absent", extension, "nickname", ABSENT, nickname, null),
				accepts("nickname empty becomes null", extension, "nickname", "\"\"", nickname, null),
				accepts("nickname of 50 after trimming", extension, "nickname", string(" " + "n".repeat(50) + " "),
						nickname, "n".repeat(50)),
				// sip_username, sip_password
				accepts("username of 3 characters", extension, "sip_username", string("abc"), username, "abc"),
				accepts("username of 128 characters", extension, "sip_username", string("u".repeat(128)), username,
						"u".repeat(128)),
				accepts("username of 3 emoji", extension, "sip_username", string(EMOJI.repeat(3)), username,
						EMOJI.repeat(3)),
				accepts("password of 3 characters", extension, "sip_password", string("pwd"), password, "pwd"),
				accepts("password of 128 characters", extension, "sip_password", string("p".repeat(128)), password,
						"p".repeat(128)),
				// sip_address
				accepts("host name", extension, "sip_address", string("sip.provider.com"), address, "sip.provider.com"),
				accepts("upper-case host name normalised", extension, "sip_address", string("SIP.Provider.COM"),
						address, "sip.provider.com"),
				accepts("trailing dot dropped", extension, "sip_address", string("sip.provider.com."), address,
						"sip.provider.com"),
				accepts("single-label host name", extension, "sip_address", string("pbx"), address, "pbx"),
				accepts("punycode host name", extension, "sip_address", string("xn--bcher-kva.example"), address,
						"xn--bcher-kva.example"),
				accepts("label of 63 characters", extension, "sip_address", string("a".repeat(63) + ".com"), address,
						"a".repeat(63) + ".com"),
				accepts("host name of 253 characters", extension, "sip_address", string(hostName(253)), address,
						hostName(253)),
				accepts("IPv4", extension, "sip_address", string("203.0.113.10"), address, "203.0.113.10"),
				accepts("IPv4 edges", extension, "sip_address", string("255.0.0.0"), address, "255.0.0.0"),
				accepts("IPv6 full", extension, "sip_address", string("2001:0DB8:0000:0000:0000:0000:0000:0001"),
						address, "2001:db8::1"),
				accepts("IPv6 compressed", extension, "sip_address", string("2001:db8::5060"), address,
						"2001:db8::5060"),
				accepts("IPv6 loopback", extension, "sip_address", string("::1"), address, "::1"),
				accepts("IPv6 in brackets", extension, "sip_address", string("[2001:db8::1]"), address, "2001:db8::1"),
				accepts("IPv4-mapped IPv6", extension, "sip_address", string("::FFFF:203.0.113.10"), address,
						"::ffff:203.0.113.10"),
				// allowed_inbound_ips
				accepts("IPv4 address", did, "allowed_inbound_ips", "[\"203.0.113.10\"]", ips, List.of("203.0.113.10")),
				accepts("IPv6 address", did, "allowed_inbound_ips", "[\"2001:DB8:0:0::7\"]", ips,
						List.of("2001:db8::7")),
				accepts("IPv6 loopback", did, "allowed_inbound_ips", "[\"::1\"]", ips, List.of("::1")),
				accepts("IPv4 CIDR", did, "allowed_inbound_ips", "[\"203.0.113.0/24\"]", ips,
						List.of("203.0.113.0/24")),
				accepts("IPv4 CIDR /8", did, "allowed_inbound_ips", "[\"10.0.0.0/8\"]", ips, List.of("10.0.0.0/8")),
				accepts("IPv4 /32", did, "allowed_inbound_ips", "[\"203.0.113.10/32\"]", ips,
						List.of("203.0.113.10/32")),
				accepts("IPv6 CIDR /32", did, "allowed_inbound_ips", "[\"2001:db8::/32\"]", ips,
						List.of("2001:db8::/32")),
				accepts("IPv6 /128", did, "allowed_inbound_ips", "[\"2001:db8::1/128\"]", ips,
						List.of("2001:db8::1/128")),
				accepts("100 entries", did, "allowed_inbound_ips", addresses(100), ips, expectedAddresses(100)),
				// country_code
				accepts("lower-case country code", extension, "country_code", "\"de\"", country, "DE"),
				accepts("country detected from a UK number", did, "phone_number", string("+442071838750"), country,
						"GB"));
	}

	static Stream<Arguments> rejectedValues() {
		Supplier<ObjectNode> extension = TrunkBodies::extensionTrunk;
		Supplier<ObjectNode> did = TrunkBodies::didTrunkWithIpAuth;
		return Stream.of(
				// sip_trunk_type
				rejects("trunk type absent", extension, "sip_trunk_type", ABSENT, "SIP trunk type is required."),
				rejects("trunk type null", extension, "sip_trunk_type", "null", "SIP trunk type is required."),
				rejects("trunk type empty", extension, "sip_trunk_type", "\"\"", "SIP trunk type is required."),
				rejects("trunk type in upper case", extension, "sip_trunk_type", "\"Extension\"",
						"SIP trunk type must be one of: extension, number."),
				rejects("trunk type unknown", extension, "sip_trunk_type", "\"did\"",
						"SIP trunk type must be one of: extension, number."),
				rejects("trunk type a number", extension, "sip_trunk_type", "1", "SIP trunk type must be a string."),
				// phone_number: extension
				rejects("extension absent", extension, "phone_number", ABSENT, "Phone number is required."),
				rejects("extension blank", extension, "phone_number", "\"  \"", "Phone number is required."),
				rejects("extension of 16 characters", extension, "phone_number", string("1234567890123456"),
						EXTENSION_LENGTH_RULE),
				rejects("extension with a space", extension, "phone_number", string("10 00"), EXTENSION_LENGTH_RULE),
				rejects("extension with leading space", extension, "phone_number", string(" 1000"),
						EXTENSION_LENGTH_RULE),
				rejects("extension with @", extension, "phone_number", string("1000@pbx"), EXTENSION_LENGTH_RULE),
				rejects("extension with :", extension, "phone_number", string("1000:1"), EXTENSION_LENGTH_RULE),
				rejects("extension with #", extension, "phone_number", string("#100"), EXTENSION_CHARACTER_RULE),
				rejects("extension with ;", extension, "phone_number", string("100;x"), EXTENSION_CHARACTER_RULE),
				rejects("extension with a non-ASCII letter", extension, "phone_number", string("caf\u00e9"),
						EXTENSION_CHARACTER_RULE),
				rejects("extension with NUL", extension, "phone_number", string("10\u00000"), EXTENSION_CHARACTER_RULE),
				rejects("extension a number", extension, "phone_number", "1000", "Phone number must be a string."),
				// phone_number: number
				rejects("E.164 without plus", did, "phone_number", string("14155551234"), E164_RULE),
				rejects("E.164 with spaces", did, "phone_number", string("+1 415 555 1234"), E164_RULE),
				rejects("E.164 with dashes", did, "phone_number", string("+1-415-555-1234"), E164_RULE),
				rejects("E.164 too short", did, "phone_number", string("+1415555123"), E164_RULE),
				rejects("E.164 too long", did, "phone_number", string("+1415555123456789"), E164_RULE),
				rejects("E.164 unknown country calling code", did, "phone_number", string("+99912345678"), E164_RULE),
				rejects("E.164 with full-width digits", did, "phone_number",
						string("+\uFF11\uFF14\uFF11\uFF15" + "\uFF15\uFF15\uFF15\uFF11\uFF12\uFF13\uFF14"), E164_RULE),
				rejects("E.164 with surrounding space", did, "phone_number", string(" +14155551234"), E164_RULE),
				rejects("extension for a number trunk", did, "phone_number", string("1000"), E164_RULE),
				rejects("E.164 a JSON number", did, "phone_number", "14155551234", "Phone number must be a string."),
				// nickname
				rejects("nickname of 51 characters with an em dash", extension, "nickname",
						string("a".repeat(50) + EM_DASH), "Nickname may not be greater than 50 characters."),
				rejects("nickname of 51 emoji", extension, "nickname", string(EMOJI.repeat(51)),
						"Nickname may not be greater than 50 characters."),
				rejects("nickname with a line break inside", extension, "nickname", string("Main\nline"),
						"Nickname must be valid text without control characters."),
				rejects("nickname a number", extension, "nickname", "5", "Nickname must be a string."),
				rejects("nickname an object", extension, "nickname", "{}", "Nickname must be a string."),
				// sip_username
				rejects("username absent", extension, "sip_username", ABSENT, "SIP username is required."),
				rejects("username of 2 characters", extension, "sip_username", string("ab"), USERNAME_LENGTH_RULE),
				rejects("username of 129 characters", extension, "sip_username", string("u".repeat(129)),
						USERNAME_LENGTH_RULE),
				rejects("username of 2 emoji (4 UTF-16 units)", extension, "sip_username", string(EMOJI.repeat(2)),
						USERNAME_LENGTH_RULE),
				rejects("username with CR LF", extension, "sip_username", string("user\r\nVia: x"),
						"SIP username must be valid text without control characters."),
				rejects("username with an unpaired surrogate", extension, "sip_username", "\"user\\ud800\"",
						"SIP username must be valid text without control characters."),
				rejects("username an array", extension, "sip_username", "[\"myuser\"]",
						"SIP username must be a string."),
				// sip_password
				rejects("password null", extension, "sip_password", "null", "SIP password is required."),
				rejects("password of 2 characters", extension, "sip_password", string("pw"),
						"SIP password must be at least 3 characters."),
				rejects("password of 129 characters", extension, "sip_password", string("p".repeat(129)),
						"SIP password may not be greater than 128 characters."),
				rejects("password an object", extension, "sip_password", "{\"value\": \"secret\"}",
						"SIP password must be a string."),
				// sip_address
				rejects("address absent", extension, "sip_address", ABSENT, "SIP server address is required."),
				rejects("address a boolean", extension, "sip_address", "true", "SIP server address must be a string."),
				rejects("IPv4 octet over 255", extension, "sip_address", string("999.1.1.1"), ADDRESS_RULE),
				rejects("IPv4 with three parts", extension, "sip_address", string("10.1.1"), ADDRESS_RULE),
				rejects("IPv4 with five parts", extension, "sip_address", string("1.2.3.4.5"), ADDRESS_RULE),
				rejects("IPv4 with leading zero", extension, "sip_address", string("010.0.0.1"), ADDRESS_RULE),
				rejects("numeric top-level label", extension, "sip_address", string("pbx.123"), ADDRESS_RULE),
				rejects("sip: scheme", extension, "sip_address", string("sip:sip.provider.com"), ADDRESS_RULE),
				rejects("sips: scheme", extension, "sip_address", string("sips:sip.provider.com"), ADDRESS_RULE),
				rejects("http URL", extension, "sip_address", string("http://x"), ADDRESS_RULE),
				rejects("port", extension, "sip_address", string("sip.provider.com:5060"), ADDRESS_RULE),
				rejects("IPv4 with port", extension, "sip_address", string("203.0.113.10:5060"), ADDRESS_RULE),
				rejects("IPv6 with port", extension, "sip_address", string("[2001:db8::1]:5060"), ADDRESS_RULE),
				rejects("IPv6 with zone", extension, "sip_address", string("fe80::1%eth0"), ADDRESS_RULE),
				rejects("IPv6 with two gaps", extension, "sip_address", string("2001::db8::1"), ADDRESS_RULE),
				rejects("IPv6 with nine groups", extension, "sip_address", string("1:2:3:4:5:6:7:8:9"), ADDRESS_RULE),
				rejects("path", extension, "sip_address", string("sip.provider.com/x"), ADDRESS_RULE),
				rejects("user part", extension, "sip_address", string("myuser@sip.provider.com"), ADDRESS_RULE),
				rejects("empty label", extension, "sip_address", string("a..b"), ADDRESS_RULE),
				rejects("two trailing dots", extension, "sip_address", string("sip.provider.com.."), ADDRESS_RULE),
				rejects("space inside", extension, "sip_address", string("sip provider.com"), ADDRESS_RULE),
				rejects("surrounding space", extension, "sip_address", string(" sip.provider.com"), ADDRESS_RULE),
				rejects("label starting with hyphen", extension, "sip_address", string("-sip.provider.com"),
						ADDRESS_RULE),
				rejects("label ending with hyphen", extension, "sip_address", string("sip-.provider.com"),
						ADDRESS_RULE),
				rejects("underscore", extension, "sip_address", string("sip_1.provider.com"), ADDRESS_RULE),
				rejects("non-ASCII host name", extension, "sip_address", string("b\u00fccher.example"), ADDRESS_RULE),
				rejects("label of 64 characters", extension, "sip_address", string("a".repeat(64) + ".com"),
						ADDRESS_RULE),
				rejects("host name of 254 characters", extension, "sip_address", string(hostName(254)), ADDRESS_RULE),
				// sip_calling_format
				rejects("calling format in upper case", extension, "sip_calling_format", "\"+E164\"",
						"SIP calling format must be one of: +e164, e164, national."),
				rejects("calling format a number", extension, "sip_calling_format", "164",
						"SIP calling format must be a string."),
				rejects("calling format null", extension, "sip_calling_format", "null",
						"SIP calling format is required."),
				// inbound_authorization_type
				rejects("authorization type unknown", extension, "inbound_authorization_type", "\"password\"",
						"Inbound authorization type must be one of: auth, ip."),
				rejects("authorization type in upper case", extension, "inbound_authorization_type", "\"IP\"",
						"Inbound authorization type must be one of: auth, ip."),
				rejects("authorization type an array", extension, "inbound_authorization_type", "[\"auth\"]",
						"Inbound authorization type must be a string."),
				// allowed_inbound_ips
				rejects("allowed IPs absent", did, "allowed_inbound_ips", ABSENT,
						"Allowed inbound IPs are required when inbound authorization type is ip."),
				rejects("allowed IPs null", did, "allowed_inbound_ips", "null",
						"Allowed inbound IPs are required when inbound authorization type is ip."),
				rejects("allowed IPs empty", did, "allowed_inbound_ips", "[]",
						"Allowed inbound IPs are required when inbound authorization type is ip."),
				rejects("allowed IPs a string", did, "allowed_inbound_ips", "\"203.0.113.10\"",
						"Allowed inbound IPs must be an array."),
				rejects("allowed IPs an object", did, "allowed_inbound_ips", "{\"0\": \"203.0.113.10\"}",
						"Allowed inbound IPs must be an array."),
				rejects("101 allowed IPs", did, "allowed_inbound_ips", addresses(101),
						"Allowed inbound IPs may not have more than 100 entries."),
				rejectsEntry("IPv4 octet over 255", "999.1.1.1", IP_RULE),
				rejectsEntry("host name", "sip.provider.com", IP_RULE),
				rejectsEntry("IPv6 in brackets", "[2001:db8::1]", IP_RULE),
				rejectsEntry("prefix over 32", "203.0.113.0/33", IP_RULE),
				rejectsEntry("prefix over 128", "2001:db8::/129", IP_RULE),
				rejectsEntry("empty prefix", "203.0.113.0/", IP_RULE),
				rejectsEntry("prefix with leading zero", "203.0.113.0/024", IP_RULE),
				rejectsEntry("two prefixes", "203.0.113.0/24/24", IP_RULE),
				rejectsEntry("IPv4 everything", "0.0.0.0/0", TOO_BROAD),
				rejectsEntry("IPv6 everything", "::/0", TOO_BROAD), rejectsEntry("IPv4 /7", "10.0.0.0/7", TOO_BROAD),
				rejectsEntry("IPv6 /31", "2001:db8::/31", TOO_BROAD),
				rejects("allowed IP a number", did, "allowed_inbound_ips", "[42]", "allowed_inbound_ips.0",
						"Allowed inbound IP at index 0 must be a string."),
				rejects("allowed IP null", did, "allowed_inbound_ips", "[null]", "allowed_inbound_ips.0",
						"Allowed inbound IP at index 0 must be a string."),
				// country_code
				rejects("country code absent", extension, "country_code", ABSENT, "Country code is required."),
				rejects("country code unassigned", extension, "country_code", "\"XX\"", COUNTRY_RULE),
				rejects("country code alpha-3", extension, "country_code", "\"USA\"", COUNTRY_RULE),
				rejects("country code with a digit", extension, "country_code", "\"U1\"", COUNTRY_RULE),
				rejects("country code ISO 3166-2", extension, "country_code", "\"US-CA\"", COUNTRY_RULE),
				rejects("country code Kosovo (user-assigned)", extension, "country_code", "\"XK\"", COUNTRY_RULE),
				rejects("country code a number", extension, "country_code", "1", "Country code must be a string."),
				// outbound_proxy
				rejects("outbound proxy the string true", extension, "outbound_proxy", "\"true\"",
						"Outbound proxy must be true or false."),
				rejects("outbound proxy 1", extension, "outbound_proxy", "1", "Outbound proxy must be true or false."),
				rejects("outbound proxy an array", extension, "outbound_proxy", "[true]",
						"Outbound proxy must be true or false."));
	}

	private static Arguments accepts(String row, Supplier<ObjectNode> fixture, String field, String value,
			Function<CreateTrunk, Object> reading, Object expected) {
		return Arguments.of(field + ": accepts " + row, fixture, field, value, reading, expected);
	}

	private static Arguments rejects(String row, Supplier<ObjectNode> fixture, String field, String value,
			String message) {
		return rejects(row, fixture, field, value, field, message);
	}

	private static Arguments rejects(String row, Supplier<ObjectNode> fixture, String field, String value, String key,
			String message) {
		return Arguments.of(key + ": rejects " + row, fixture, field, value, key, message);
	}

	/**
	 * The entry is the second of the list, so the key is {@code allowed_inbound_ips.1}.
	 */
	private static Arguments rejectsEntry(String row, String entry, String predicate) {
		return rejects(row, TrunkBodies::didTrunkWithIpAuth, "allowed_inbound_ips",
				"[\"203.0.113.10\", " + string(entry) + "]", "allowed_inbound_ips.1",
				"Allowed inbound IP at index 1 " + predicate);
	}

	private static ObjectNode with(ObjectNode body, String field, String value) {
		if (ABSENT.equals(value)) {
			body.remove(field);
		}
		else {
			body.set(field, json(value));
		}
		return body;
	}

	/**
	 * A well-formed host name of exactly {@code length} characters: labels of 63 and a
	 * final shorter one.
	 */
	private static String hostName(int length) {
		StringBuilder name = new StringBuilder();
		while (length - name.length() > 64) {
			name.append("a".repeat(63)).append('.');
		}
		return name.append("b".repeat(length - name.length())).toString();
	}

	private static String addresses(int count) {
		return expectedAddresses(count).stream().map(TrunkBodies::string).collect(Collectors.joining(", ", "[", "]"));
	}

	private static List<String> expectedAddresses(int count) {
		return IntStream.range(0, count).mapToObj((index) -> "198.51.100." + index).toList();
	}

}
