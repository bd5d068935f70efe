package io.trunkline.gateway.trunk;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address written as a literal, as a SIP server address or an inbound
 * allow-list entry holds it. Parsed here, character by character, rather than with
 * {@code InetAddress.getByName}: that method falls back to a DNS lookup for anything it
 * does not recognise as a literal, and it accepts forms (octal, hex, shortened IPv4, zone
 * ids) that a provider's SIP stack would read differently from us.
 * <p>
 * IPv4 is the strict dotted quad: four decimal octets 0-255 without leading zeros. IPv6
 * is RFC 4291 text (with at most one {@code ::} and an optional trailing dotted quad),
 * without brackets and without a zone id. The text form ({@link #toString()}) is
 * canonical: the dotted quad, or RFC 5952 for IPv6 (lower case, no leading zeros, the
 * longest run of zero groups shortened, {@code ::ffff:a.b.c.d} for IPv4-mapped
 * addresses).
 */
final class SipIpLiteral {

	private static final int IPV4_BYTES = 4;

	private static final int IPV6_BYTES = 16;

	private static final int IPV6_GROUPS = 8;

	/** The longest IPv6 text: eight groups of four, or six groups and a dotted quad. */
	private static final int IPV6_MAX_LENGTH = 45;

	private final byte[] octets;

	private SipIpLiteral(byte[] octets) {
		this.octets = octets;
	}

	/**
	 * Reads an IPv4 or IPv6 literal: IPv6 if the text holds a colon, IPv4 otherwise.
	 * @param text the literal, without brackets, prefix or port
	 * @return the address, or empty if the text is not a literal of the kind it looks
	 * like
	 */
	static Optional<SipIpLiteral> parse(String text) {
		return (text.indexOf(':') >= 0) ? parseIpv6(text) : parseIpv4(text);
	}

	static Optional<SipIpLiteral> parseIpv4(String text) {
		byte[] octets = ipv4Octets(text);
		return (octets != null) ? Optional.of(new SipIpLiteral(octets)) : Optional.empty();
	}

	static Optional<SipIpLiteral> parseIpv6(String text) {
		byte[] octets = ipv6Octets(text);
		return (octets != null) ? Optional.of(new SipIpLiteral(octets)) : Optional.empty();
	}

	boolean isIpv4() {
		return this.octets.length == IPV4_BYTES;
	}

	/**
	 * The length of the address in bits: 32 or 128, the largest prefix a range may have.
	 * @return 32 or 128
	 */
	int bitLength() {
		return this.octets.length * 8;
	}

	/**
	 * Whether any bit after the first {@code prefix} bits is set, i.e. this address is
	 * not the network address of the range {@code this/prefix}.
	 * @param prefix the prefix length, 0 to {@link #bitLength()}
	 * @return whether host bits are set
	 */
	boolean hasHostBitsAfter(int prefix) {
		return !equals(networkOf(prefix));
	}

	/**
	 * The network address of {@code this/prefix}: every bit after the prefix cleared.
	 * @param prefix the prefix length, 0 to {@link #bitLength()}
	 * @return the network address
	 */
	SipIpLiteral networkOf(int prefix) {
		byte[] masked = this.octets.clone();
		for (int bit = prefix; bit < masked.length * 8; bit++) {
			masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		}
		return new SipIpLiteral(masked);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof SipIpLiteral literal) && Arrays.equals(this.octets, literal.octets);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.octets);
	}

	/**
	 * The canonical text: the dotted quad, or RFC 5952 for IPv6.
	 */
	@Override
	public String toString() {
		return isIpv4() ? dottedQuad(this.octets, 0) : ipv6Text(this.octets);
	}

	private static byte[] ipv4Octets(String text) {
		int length = text.length();
		if (length < 7 || length > 15) {
			return null;
		}
		byte[] octets = new byte[IPV4_BYTES];
		int position = 0;
		for (int octet = 0; octet < IPV4_BYTES; octet++) {
			if (octet > 0) {
				if (position >= length || text.charAt(position) != '.') {
					return null;
				}
				position++;
			}
			int start = position;
			int value = 0;
			while (position < length && isDecimalDigit(text.charAt(position)) && position - start < 3) {
				value = value * 10 + (text.charAt(position) - '0');
				position++;
			}
			int digits = position - start;
			boolean leadingZero = digits > 1 && text.charAt(start) == '0';
			if (digits == 0 || leadingZero || value > 255) {
				return null;
			}
			octets[octet] = (byte) value;
		}
		return (position == length) ? octets : null;
	}

	private static byte[] ipv6Octets(String text) {
		if (text.length() < 2 || text.length() > IPV6_MAX_LENGTH) {
			return null;
		}
		int gap = text.indexOf("::");
		int[] groups;
		if (gap < 0) {
			groups = groups(text, true);
			if (groups == null || groups.length != IPV6_GROUPS) {
				return null;
			}
		}
		else {
			if (text.indexOf("::", gap + 1) >= 0) {
				return null;
			}
			int[] head = groups(text.substring(0, gap), false);
			int[] tail = groups(text.substring(gap + 2), true);
			if (head == null || tail == null || head.length + tail.length > IPV6_GROUPS - 1) {
				return null;
			}
			groups = new int[IPV6_GROUPS];
			System.arraycopy(head, 0, groups, 0, head.length);
			System.arraycopy(tail, 0, groups, IPV6_GROUPS - tail.length, tail.length);
		}
		byte[] octets = new byte[IPV6_BYTES];
		for (int group = 0; group < IPV6_GROUPS; group++) {
			octets[group * 2] = (byte) (groups[group] >>> 8);
			octets[group * 2 + 1] = (byte) groups[group];
		}
		return octets;
	}

	/**
	 * Reads colon-separated groups of one to four hex digits; the last may be a dotted
	 * quad, counting as two groups.
	 * @param text the groups, empty for none
	 * @param dottedQuadAllowed whether the last piece may be a dotted quad
	 * @return the 16-bit groups, or {@code null} if the text is not well-formed
	 */
	private static int[] groups(String text, boolean dottedQuadAllowed) {
		if (text.isEmpty()) {
			return new int[0];
		}
		String[] pieces = text.split(":", -1);
		if (pieces.length > IPV6_GROUPS) {
			return null;
		}
		int[] groups = new int[IPV6_GROUPS];
		int count = 0;
		for (int index = 0; index < pieces.length; index++) {
			String piece = pieces[index];
			boolean last = index == pieces.length - 1;
			if (last && dottedQuadAllowed && piece.indexOf('.') >= 0) {
				byte[] quad = ipv4Octets(piece);
				if (quad == null || count + 2 > IPV6_GROUPS) {
					return null;
				}
				groups[count++] = ((quad[0] & 0xff) << 8) | (quad[1] & 0xff);
				groups[count++] = ((quad[2] & 0xff) << 8) | (quad[3] & 0xff);
			}
			else {
				int group = hexGroup(piece);
				if (group < 0) {
					return null;
				}
				groups[count++] = group;
			}
		}
		return Arrays.copyOf(groups, count);
	}

	private static int hexGroup(String piece) {
		if (piece.isEmpty() || piece.length() > 4) {
			return -1;
		}
		int value = 0;
		for (int index = 0; index < piece.length(); index++) {
			int digit = hexDigit(piece.charAt(index));
			if (digit < 0) {
				return -1;
			}
			value = (value << 4) | digit;
		}
		return value;
	}

	/**
	 * ASCII only: {@link Character#digit(char, int)} would also take full-width and other
	 * Unicode digits.
	 */
	private static int hexDigit(char character) {
		if (isDecimalDigit(character)) {
			return character - '0';
		}
		if (character >= 'a' && character <= 'f') {
			return character - 'a' + 10;
		}
		if (character >= 'A' && character <= 'F') {
			return character - 'A' + 10;
		}
		return -1;
	}

	private static boolean isDecimalDigit(char character) {
		return character >= '0' && character <= '9';
	}

	private static String dottedQuad(byte[] octets, int offset) {
		return (octets[offset] & 0xff) + "." + (octets[offset + 1] & 0xff) + "." + (octets[offset + 2] & 0xff) + "."
				+ (octets[offset + 3] & 0xff);
	}

	private static String ipv6Text(byte[] octets) {
		int[] groups = new int[IPV6_GROUPS];
		for (int group = 0; group < IPV6_GROUPS; group++) {
			groups[group] = ((octets[group * 2] & 0xff) << 8) | (octets[group * 2 + 1] & 0xff);
		}
		if (isIpv4Mapped(groups)) {
			return "::ffff:" + dottedQuad(octets, 12);
		}
		int bestStart = -1;
		int bestLength = 0;
		for (int start = 0; start < IPV6_GROUPS;) {
			if (groups[start] != 0) {
				start++;
				continue;
			}
			int end = start;
			while (end < IPV6_GROUPS && groups[end] == 0) {
				end++;
			}
			if (end - start > bestLength) {
				bestStart = start;
				bestLength = end - start;
			}
			start = end;
		}
		if (bestLength < 2) {
			bestStart = -1;
		}
		StringBuilder text = new StringBuilder(39);
		for (int group = 0; group < IPV6_GROUPS; group++) {
			if (group == bestStart) {
				text.append("::");
				group += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[group]));
		}
		return text.toString();
	}

	private static boolean isIpv4Mapped(int[] groups) {
		for (int group = 0; group < 5; group++) {
			if (groups[group] != 0) {
				return false;
			}
		}
		return groups[5] == 0xffff;
	}

}
