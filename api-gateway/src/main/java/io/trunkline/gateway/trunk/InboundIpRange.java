package io.trunkline.gateway.trunk;

/**
 * One entry of a trunk's inbound allow-list: a single IPv4 or IPv6 address, or a CIDR
 * range of them. The voice infrastructure accepts inbound calls from these sources
 * without credentials, so a range that spans a large part of the internet would make the
 * trunk open to anyone: IPv4 ranges must be /8 or narrower, IPv6 ranges /32 or narrower.
 * <p>
 * A range must be written with its network address ({@code 10.0.0.0/8}, not
 * {@code 10.0.0.1/8}): a set host bit usually means the client meant a single address or
 * a different prefix, and guessing either would open the trunk to sources the client did
 * not intend. The value is normalised: IPv6 in RFC 5952 form, the prefix kept as given.
 *
 * @param value the normalised address or range
 */
record InboundIpRange(String value) {

	/** The broadest IPv4 range accepted: a /8 already spans 16 million addresses. */
	static final int MIN_IPV4_PREFIX = 8;

	/** The broadest IPv6 range accepted: a /32 is a whole provider allocation. */
	static final int MIN_IPV6_PREFIX = 32;

	static final String RULE = "must be a valid IPv4 or IPv6 address or CIDR range.";

	static final String TOO_BROAD = "is too broad: IPv4 ranges must be /" + MIN_IPV4_PREFIX
			+ " or narrower and IPv6 ranges /" + MIN_IPV6_PREFIX + " or narrower.";

	/** An IPv4-mapped IPv6 address and a three-digit prefix. */
	private static final int MAX_LENGTH = 49;

	InboundIpRange {
		value = normalise(value);
	}

	private static String normalise(String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
			throw new FieldRejected(RULE);
		}
		SipIpLiteral.Prefixed written = SipIpLiteral.parsePrefixed(text).orElseThrow(() -> new FieldRejected(RULE));
		SipIpLiteral address = written.address();
		if (written.prefix().isEmpty()) {
			return address.toString();
		}
		int prefix = written.prefix().getAsInt();
		if (prefix < (address.isIpv4() ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX)) {
			throw new FieldRejected(TOO_BROAD);
		}
		if (address.hasHostBitsAfter(prefix)) {
			throw new FieldRejected("has host bits set for its prefix: use " + address.networkOf(prefix) + "/" + prefix
					+ " for the range or " + address + " for the single address.");
		}
		return address + "/" + prefix;
	}

}
