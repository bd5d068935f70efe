package io.trunkline.gateway.trunk;

import java.util.Locale;

/**
 * Where a trunk's outbound calls go: a DNS host name, an IPv4 literal or an IPv6 literal,
 * and nothing else. The SIP stack builds {@code sip:user@host} itself, so a scheme, a
 * port or a path here would end up inside that URI and break it; the API documents the
 * address as "without port".
 * <p>
 * Checked without DNS: the name only has to be well-formed, whether it resolves is the
 * provider's business at call time. Normalised so that the duplicate check compares like
 * with like: host names in lower case without a trailing dot, IPv6 in RFC 5952 form
 * without brackets.
 *
 * @param value the normalised host
 */
record SipHost(String value) {

	static final String RULE = "must be a host name or IP address without scheme, port or path.";

	/**
	 * RFC 1035: 253 characters of name, 255 with the trailing dot and the length octets.
	 */
	private static final int MAX_NAME_LENGTH = 253;

	private static final int MAX_LABEL_LENGTH = 63;

	SipHost {
		value = normalise(value);
	}

	private static String normalise(String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_NAME_LENGTH + 2) {
			throw new FieldRejected(RULE);
		}
		if (text.charAt(0) == '[') {
			// The bracketed form a SIP URI uses for IPv6; the brackets are dropped, the
			// SIP stack adds its own.
			if (text.length() < 3 || text.charAt(text.length() - 1) != ']') {
				throw new FieldRejected(RULE);
			}
			return ipv6(text.substring(1, text.length() - 1));
		}
		if (text.indexOf(':') >= 0) {
			// Either an IPv6 literal or a scheme or port, which IPv6 parsing refuses.
			return ipv6(text);
		}
		if (isDigitsAndDots(text)) {
			// An all-numeric dotted name is an IPv4 attempt (no top-level domain is
			// numeric): 999.1.1.1 is refused,
			// not looked up as a host name.
			return SipIpLiteral.parseIpv4(text).orElseThrow(() -> new FieldRejected(RULE)).toString();
		}
		return hostName(text);
	}

	private static String ipv6(String text) {
		return SipIpLiteral.parseIpv6(text).orElseThrow(() -> new FieldRejected(RULE)).toString();
	}

	private static String hostName(String text) {
		String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			throw new FieldRejected(RULE);
		}
		String[] labels = name.split("\\.", -1);
		for (String label : labels) {
			if (!isLabel(label)) {
				throw new FieldRejected(RULE);
			}
		}
		if (isDigitsAndDots(labels[labels.length - 1])) {
			throw new FieldRejected(RULE);
		}
		return name.toLowerCase(Locale.ROOT);
	}

	/** RFC 1123: letters, digits and inner hyphens, 1 to 63 characters. */
	private static boolean isLabel(String label) {
		if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || label.charAt(0) == '-'
				|| label.charAt(label.length() - 1) == '-') {
			return false;
		}
		for (int index = 0; index < label.length(); index++) {
			char character = label.charAt(index);
			boolean letterOrDigit = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
					|| (character >= '0' && character <= '9');
			if (!letterOrDigit && character != '-') {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigitsAndDots(String text) {
		for (int index = 0; index < text.length(); index++) {
			char character = text.charAt(index);
			if ((character < '0' || character > '9') && character != '.') {
				return false;
			}
		}
		return true;
	}

}
