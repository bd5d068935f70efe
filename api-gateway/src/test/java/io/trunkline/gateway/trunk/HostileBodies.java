package io.trunkline.gateway.trunk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates create bodies from a seeded {@link Random}: plausible values near every
 * boundary, mixed with hostile ones (wrong JSON types, control characters, unpaired
 * surrogates, huge strings, near-miss addresses), so a failing body can be reproduced
 * from its seed. A property test without a property-testing library, by choice: see
 * {@link CreateTrunkRulesPropertyTests}.
 */
final class HostileBodies {

	/**
	 * Every generated password starts with this, so a test can look for it in messages.
	 */
	static final String PASSWORD_MARK = "Sekret";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> FIELDS = List.of("sip_trunk_type", "phone_number", "nickname", "sip_username",
			"sip_password", "sip_address", "sip_calling_format", "inbound_authorization_type", "allowed_inbound_ips",
			"country_code", "outbound_proxy");

	private static final List<String> HOSTILE_STRINGS = List.of("", " ", "\t", "\u0000", "\ud800", "\udc00x", "x\ud83d",
			"\uD83D\uDCDE", "\u202e", "\r\n", "%00", "${jndi:ldap://x}", "'; DROP TABLE trunks; --", "\uFF21\uFF22",
			"null", "true", "0", "-1", "1e999", "\u00df", "\u0131", "Provider X \u2014 Main");

	private static final List<String> HOSTS = List.of("sip.provider.com", "SIP.Provider.COM", "pbx",
			"sip.provider.com.", "203.0.113.10", "999.1.1.1", "10.1.1", "::1", "[::1]", "[2001:db8::1]",
			"2001:0DB8::0001", "::ffff:1.2.3.4", "sip:sip.provider.com", "sip.provider.com:5060", "[::1]:5060", "a..b",
			"host/x", "http://x", "-a.com", "a.123", "fe80::1%eth0", "xn--bcher-kva.example", "[", "]", "[]", "[:]",
			".", "..", ":", "::", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:6:7::1.2.3.4",
			"::1:2:3:4:5:6:7:8");

	private static final List<String> RANGES = List.of("203.0.113.10", "198.51.100.20", "203.0.113.0/24", "10.0.0.0/8",
			"10.0.0.0/7", "10.0.0.1/8", "0.0.0.0/0", "::/0", "2001:db8::/32", "2001:db8::/31", "2001:db8::1/128", "::1",
			"999.1.1.1", "1.2.3.4/33", "1.2.3.4/", "/24", "1.2.3.4/08", "[::1]", "::ffff:10.0.0.0/104",
			"sip.provider.com");

	private static final List<String> NUMBERS = List.of("1000", "*97", "123456789012345", "1234567890123456", "10 00",
			"1000@x", "a:b", "+14155551234", "+442071838750", "+4402071838750", "+80012345678", "+38344123456",
			"+14165551234", "14155551234", "+1 415 555 1234", "+", "+0", "+999", "+1415555123");

	private static final String EXTENSION_CHARACTERS = "abcXYZ0123456789+-_.!~*'()";

	private static final List<String> REGIONS = List
		.copyOf(new TreeSet<>(PhoneNumberUtil.getInstance().getSupportedRegions()));

	private static final List<String> COUNTRIES = List.of(Locale.getISOCountries());

	private final Random random;

	HostileBodies(Random random) {
		this.random = random;
	}

	/**
	 * A body: usually a valid body with some fields removed or replaced, sometimes any
	 * JSON value at all.
	 * @param hostility the chance, 0 to 1, that a field is removed, or replaced by a near
	 * miss or a hostile value
	 * @return the body
	 */
	JsonNode body(double hostility) {
		if (chance(0.05)) {
			return anyValue(3);
		}
		ObjectNode body = validBody();
		for (String field : FIELDS) {
			if (chance(hostility)) {
				double roll = this.random.nextDouble();
				if (roll < 0.2) {
					body.remove(field);
				}
				else {
					body.set(field, (roll < 0.4) ? anyValue(2) : plausible(field));
				}
			}
		}
		if (chance(0.2)) {
			body.set(pick(List.of("id", "created_at", "inbound_trunk_id", "SIP_ADDRESS", "")), anyValue(2));
		}
		return body;
	}

	/** A body every rule accepts, with random values across each field's range. */
	private ObjectNode validBody() {
		ObjectNode body = NODES.objectNode();
		boolean number = chance(0.5);
		boolean ip = chance(0.5);
		body.put("sip_trunk_type", number ? "number" : "extension");
		body.put("phone_number",
				number ? validNumber() : fromAlphabet(EXTENSION_CHARACTERS, 1 + this.random.nextInt(15)));
		if (chance(0.7)) {
			body.put("nickname", chance(0.1) ? null : cleanText(this.random.nextInt(51)));
		}
		body.put("sip_username", cleanText(3 + this.random.nextInt(126)));
		body.put("sip_password", PASSWORD_MARK + cleanText(this.random.nextInt(123)));
		body.put("sip_address", validHost());
		body.put("sip_calling_format", pick(List.of("+e164", "e164", "national")));
		body.put("inbound_authorization_type", ip ? "ip" : "auth");
		if (ip || chance(0.2)) {
			ArrayNode ranges = body.putArray("allowed_inbound_ips");
			for (int index = 1 + this.random.nextInt(5); index > 0; index--) {
				ranges.add(validRange());
			}
		}
		String country = pick(COUNTRIES);
		body.put("country_code", chance(0.8) ? country : country.toLowerCase(Locale.ROOT));
		if (chance(0.7)) {
			body.put("outbound_proxy", chance(0.5));
		}
		return body;
	}

	/**
	 * An example number of a random region (or a non-geographic one), as libphonenumber
	 * knows them.
	 */
	private String validNumber() {
		PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
		PhoneNumber example = chance(0.05) ? numbers.getExampleNumberForNonGeoEntity(800)
				: numbers.getExampleNumber(pick(REGIONS));
		return (example != null) ? numbers.format(example, PhoneNumberFormat.E164) : "+14155551234";
	}

	/**
	 * A host name of random labels, or an IPv4 or IPv6 literal in a random (not
	 * canonical) spelling.
	 */
	private String validHost() {
		return switch (this.random.nextInt(4)) {
			case 0 -> ipv4(randomBytes(4));
			case 1 -> {
				String ipv6 = ipv6(randomBytes(16));
				yield chance(0.3) ? "[" + ipv6 + "]" : ipv6;
			}
			default -> {
				StringBuilder name = new StringBuilder();
				for (int label = this.random.nextInt(4); label > 0; label--) {
					name.append(label()).append('.');
				}
				name.append(fromAlphabet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
						1 + this.random.nextInt(10)));
				yield chance(0.1) ? name + "." : name.toString();
			}
		};
	}

	private String label() {
		String inner = fromAlphabet("abcxyzABCXYZ0189-", this.random.nextInt(62));
		return fromAlphabet("abcXYZ0189", 1) + (inner.isEmpty() ? "" : inner + fromAlphabet("abcXYZ0189", 1));
	}

	/**
	 * A single address or the network address of a range no broader than the rules allow.
	 */
	private String validRange() {
		boolean v4 = chance(0.5);
		byte[] address = randomBytes(v4 ? 4 : 16);
		if (chance(0.5)) {
			return v4 ? ipv4(address) : ipv6(address);
		}
		int prefix = v4 ? 8 + this.random.nextInt(25) : 32 + this.random.nextInt(97);
		for (int bit = prefix; bit < address.length * 8; bit++) {
			address[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		return (v4 ? ipv4(address) : ipv6(address)) + "/" + prefix;
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		if (chance(0.3)) {
			// Runs of zeros, so that the :: shortening is exercised.
			int from = this.random.nextInt(count);
			for (int index = from; index < Math.min(count, from + this.random.nextInt(8)); index++) {
				bytes[index] = 0;
			}
		}
		return bytes;
	}

	private static String ipv4(byte[] bytes) {
		return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
	}

	/**
	 * All eight groups, with random case and random leading zeros: never the canonical
	 * form.
	 */
	private String ipv6(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (int group = 0; group < 8; group++) {
			String hex = Integer.toHexString(((bytes[group * 2] & 0xff) << 8) | (bytes[group * 2 + 1] & 0xff));
			hex = chance(0.5) ? hex.toUpperCase(Locale.ROOT) : hex;
			text.append((group > 0) ? ":" : "").append(chance(0.3) ? "0".repeat(4 - hex.length()) + hex : hex);
		}
		return text.toString();
	}

	/**
	 * Text the free-text rules accept: no control characters, no unpaired surrogates,
	 * {@code length} code points.
	 */
	private String cleanText(int length) {
		StringBuilder text = new StringBuilder(length * 2);
		for (int index = 0; index < length; index++) {
			double roll = this.random.nextDouble();
			if (roll < 0.85) {
				text.append((char) (0x21 + this.random.nextInt(0x5e)));
			}
			else if (roll < 0.95) {
				text.append((char) (0xA1 + this.random.nextInt(0xD7FF - 0xA1)));
			}
			else {
				text.appendCodePoint(0x1F300 + this.random.nextInt(0x700));
			}
		}
		return text.toString();
	}

	private JsonNode plausible(String field) {
		return switch (field) {
			case "sip_trunk_type" -> NODES.stringNode(pick(List.of("extension", "number", "number", "Extension")));
			case "phone_number" ->
				NODES.stringNode(chance(0.7) ? pick(NUMBERS) : "+" + digits(this.random.nextInt(18)));
			case "nickname" -> chance(0.2) ? NODES.nullNode() : NODES.stringNode(text(this.random.nextInt(60)));
			case "sip_username" -> NODES.stringNode(text(this.random.nextInt(135)));
			case "sip_password" -> NODES.stringNode(PASSWORD_MARK + text(this.random.nextInt(130)));
			case "sip_address" -> NODES.stringNode(chance(0.5) ? pick(HOSTS) : address());
			case "sip_calling_format" -> NODES.stringNode(pick(List.of("+e164", "e164", "national", "E164")));
			case "inbound_authorization_type" -> NODES.stringNode(pick(List.of("auth", "ip", "ip", "IP")));
			case "allowed_inbound_ips" -> ranges();
			case "country_code" -> NODES.stringNode(pick(List.of("US", "us", "GB", "DE", "XX", "USA", "U1", "XK")));
			case "outbound_proxy" -> chance(0.8) ? NODES.booleanNode(chance(0.5)) : NODES.stringNode("true");
			default -> throw new IllegalArgumentException(field);
		};
	}

	private ArrayNode ranges() {
		ArrayNode ranges = NODES.arrayNode();
		int size = chance(0.05) ? 99 + this.random.nextInt(4) : this.random.nextInt(5);
		for (int index = 0; index < size; index++) {
			if (chance(0.05)) {
				ranges.add(anyValue(1));
			}
			else {
				double roll = this.random.nextDouble();
				if (roll < 0.5) {
					ranges.add(pick(RANGES));
				}
				else if (roll < 0.75) {
					ranges.add(groupsNearMiss() + (chance(0.5) ? "/" + this.random.nextInt(140) : ""));
				}
				else {
					ranges.add(fromAlphabet("0123456789abcdefABCDEF:./", 1 + this.random.nextInt(45)));
				}
			}
		}
		return ranges;
	}

	/**
	 * Near-miss literals and names: strings over the alphabets the address parsers read.
	 */
	private String address() {
		return switch (this.random.nextInt(5)) {
			case 0 -> fromAlphabet("0123456789.", 1 + this.random.nextInt(20));
			case 4 -> groupsNearMiss();
			case 1 -> fromAlphabet("0123456789abcdefABCDEF:.", 1 + this.random.nextInt(50));
			case 2 -> fromAlphabet("abcXYZ019-.", 1 + this.random.nextInt(260));
			default -> fromAlphabet("abc1:[]/@% .-", 1 + this.random.nextInt(30));
		};
	}

	/**
	 * IPv6-shaped text that is often almost right: 0 to 10 groups of 0 to 5 hex digits,
	 * perhaps one or two {@code ::}, perhaps a trailing dotted quad with octets up to
	 * 300.
	 */
	private String groupsNearMiss() {
		StringBuilder text = new StringBuilder();
		int groups = this.random.nextInt(11);
		int gap = chance(0.5) ? this.random.nextInt(groups + 1) : -1;
		for (int group = 0; group < groups; group++) {
			if (group == gap || (chance(0.03))) {
				text.append("::");
			}
			else if (group > 0) {
				text.append(':');
			}
			text.append(fromAlphabet("0123456789abcdefABCDEF", chance(0.95) ? 1 + this.random.nextInt(4) : 5));
		}
		if (gap == groups) {
			text.append("::");
		}
		if (chance(0.3)) {
			text.append((text.length() > 0) ? ":" : "")
				.append(this.random.nextInt(300))
				.append('.')
				.append(this.random.nextInt(300))
				.append('.')
				.append(this.random.nextInt(300))
				.append('.')
				.append(this.random.nextInt(300));
		}
		return text.toString();
	}

	private JsonNode anyValue(int depth) {
		int kind = this.random.nextInt(depth > 0 ? 10 : 8);
		return switch (kind) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.booleanNode(chance(0.5));
			case 2 -> NODES.numberNode(this.random.nextInt());
			case 3 -> NODES.numberNode(new BigInteger(100, this.random));
			case 4 -> NODES.numberNode(chance(0.5) ? this.random.nextDouble() : Double.NaN);
			case 5 -> NODES.numberNode(new BigDecimal("1e-999"));
			case 6 -> NODES.stringNode(pick(HOSTILE_STRINGS));
			case 7 -> NODES.stringNode(chance(0.1) ? "a".repeat(20_000) : text(this.random.nextInt(40)));
			case 8 -> {
				ArrayNode array = NODES.arrayNode();
				for (int index = this.random.nextInt(4); index > 0; index--) {
					array.add(anyValue(depth - 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				for (int index = this.random.nextInt(4); index > 0; index--) {
					object.set(chance(0.5) ? pick(FIELDS) : text(5), anyValue(depth - 1));
				}
				yield object;
			}
		};
	}

	/**
	 * Text of any UTF-16 units: mostly printable ASCII, then control characters, any code
	 * point and lone surrogates.
	 */
	private String text(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int index = 0; index < length; index++) {
			double roll = this.random.nextDouble();
			if (roll < 0.95) {
				text.append((char) (0x20 + this.random.nextInt(0x5f)));
			}
			else if (roll < 0.96) {
				text.append(pick(List.of('\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f')));
			}
			else if (roll < 0.99) {
				text.appendCodePoint(this.random.nextInt(Character.MAX_CODE_POINT + 1));
			}
			else {
				text.append((char) (Character.MIN_SURROGATE + this.random.nextInt(0x800)));
			}
		}
		return text.toString();
	}

	private String digits(int length) {
		return fromAlphabet("0123456789", length);
	}

	private String fromAlphabet(String alphabet, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int index = 0; index < length; index++) {
			text.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

}
