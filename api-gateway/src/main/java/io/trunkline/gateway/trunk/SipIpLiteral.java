package io.trunkline.gateway.trunk;

import java.util.Optional;
import java.util.OptionalInt;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4AddressStringParameters;
import inet.ipaddr.ipv6.IPv6AddressSection.CompressOptions;
import inet.ipaddr.ipv6.IPv6AddressSection.CompressOptions.CompressionChoiceOptions;
import inet.ipaddr.ipv6.IPv6AddressSection.CompressOptions.MixedCompressionOptions;
import inet.ipaddr.ipv6.IPv6AddressSection.IPv6StringOptions;
import inet.ipaddr.ipv6.IPv6AddressStringParameters;

/**
 * An IPv4 or IPv6 address written as a literal, as a SIP server address or an inbound
 * allow-list entry holds it. Parsed by the IPAddress library with every lenient form
 * turned off, rather than with {@code InetAddress.getByName}: that method falls back to a
 * DNS lookup for anything it does not recognise as a literal, and it accepts forms
 * (octal, hex, shortened IPv4, zone ids) that a provider's SIP stack would read
 * differently from us.
 * <p>
 * IPv4 is the strict dotted quad: four decimal octets 0-255 without leading zeros. IPv6
 * is RFC 4291 text (with at most one {@code ::} and an optional trailing dotted quad),
 * without brackets and without a zone id. The text form ({@link #toString()}) is
 * canonical: the dotted quad, or RFC 5952 for IPv6 (lower case, no leading zeros, the
 * longest run of zero groups shortened, {@code ::ffff:a.b.c.d} for IPv4-mapped
 * addresses).
 */
final class SipIpLiteral {

	/** A bare address: no prefix length. */
	private static final IPAddressStringParameters ADDRESS = strict(false);

	/** An address with an optional CIDR prefix length. */
	private static final IPAddressStringParameters CIDR = strict(true);

	/**
	 * RFC 5952 with the last 32 bits as a dotted quad: the longest run of two or more
	 * zero groups before the quad shortened, the quad always written in full.
	 */
	private static final IPv6StringOptions IPV4_MAPPED = new IPv6StringOptions.Builder().setMakeMixed(true)
		.setCompressOptions(new CompressOptions(false, CompressionChoiceOptions.ZEROS, MixedCompressionOptions.NO))
		.toOptions();

	/** A single address, never a subnet, and without a prefix length. */
	private final IPAddress address;

	private SipIpLiteral(IPAddress address) {
		this.address = address;
	}

	/**
	 * Reads an IPv4 or IPv6 literal.
	 * @param text the literal, without brackets, prefix or port
	 * @return the address, or empty if the text is not a strict literal
	 */
	static Optional<SipIpLiteral> parse(String text) {
		IPAddress address = address(text, ADDRESS);
		return (address != null) ? Optional.of(new SipIpLiteral(address)) : Optional.empty();
	}

	static Optional<SipIpLiteral> parseIpv4(String text) {
		return parse(text).filter(SipIpLiteral::isIpv4);
	}

	static Optional<SipIpLiteral> parseIpv6(String text) {
		return parse(text).filter((literal) -> !literal.isIpv4());
	}

	/**
	 * Reads a literal followed by an optional CIDR prefix length ({@code 10.0.0.0/8}):
	 * decimal, no sign, no leading zeros, at most the address's bit length. Whether the
	 * prefix is sensible (not too broad, no host bits set) is the caller's rule.
	 * @param text the address or range
	 * @return the address and its prefix length (absent for a bare address), or empty if
	 * the text is not a strict literal with a well-formed prefix
	 */
	static Optional<Prefixed> parsePrefixed(String text) {
		IPAddress range = address(text, CIDR);
		if (range == null) {
			return Optional.empty();
		}
		Integer prefix = range.getNetworkPrefixLength();
		if (prefix == null) {
			return Optional.of(new Prefixed(new SipIpLiteral(range), OptionalInt.empty()));
		}
		// Kept by hand: allowPrefixLengthLeadingZeros(false) would also refuse a lone
		// "0",
		// a well-formed prefix that the caller refuses as too broad, not as malformed.
		// So the library is told to take leading zeros, and they are refused here.
		String prefixText = text.substring(text.lastIndexOf('/') + 1);
		if (prefixText.length() > 1 && prefixText.charAt(0) == '0') {
			return Optional.empty();
		}
		// A range written with its network address parses as the whole block: its lowest
		// address is the one written.
		return Optional
			.of(new Prefixed(new SipIpLiteral(range.getLower().withoutPrefixLength()), OptionalInt.of(prefix)));
	}

	boolean isIpv4() {
		return this.address.isIPv4();
	}

	/**
	 * The length of the address in bits: 32 or 128, the largest prefix a range may have.
	 * @return 32 or 128
	 */
	int bitLength() {
		return this.address.getBitCount();
	}

	/**
	 * Whether any bit after the first {@code prefix} bits is set, i.e. this address is
	 * not the network address of the range {@code this/prefix}.
	 * @param prefix the prefix length, 0 to {@link #bitLength()}
	 * @return whether host bits are set
	 */
	boolean hasHostBitsAfter(int prefix) {
		// Not isZeroHost(prefix): at the full bit length it answers that there is no
		// host, not that its bits are clear.
		return !equals(networkOf(prefix));
	}

	/**
	 * The network address of {@code this/prefix}: every bit after the prefix cleared.
	 * @param prefix the prefix length, 0 to {@link #bitLength()}
	 * @return the network address
	 */
	SipIpLiteral networkOf(int prefix) {
		return new SipIpLiteral(this.address.toZeroHost(prefix).withoutPrefixLength());
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof SipIpLiteral literal) && this.address.equals(literal.address);
	}

	@Override
	public int hashCode() {
		return this.address.hashCode();
	}

	/**
	 * The canonical text: the dotted quad, or RFC 5952 for IPv6.
	 */
	@Override
	public String toString() {
		// The library's canonical IPv6 text is RFC 5952 except for IPv4-mapped addresses,
		// which RFC 5952 section 5 writes with the dotted quad (and toMixedString would
		// let "::" swallow a zero quad: 0:0:0:0:0:ffff::).
		if (this.address.isIPv6() && this.address.toIPv6().isIPv4Mapped()) {
			return this.address.toIPv6().toNormalizedString(IPV4_MAPPED);
		}
		return this.address.toCanonicalString();
	}

	/**
	 * @return the single address the text holds, or {@code null} if it is not a strict
	 * literal
	 */
	private static IPAddress address(String text, IPAddressStringParameters parameters) {
		// IPAddressString trims surrounding white space before parsing, and no parameter
		// turns that off: a literal with a space around it is not strict.
		if (text == null || !text.equals(text.trim())) {
			return null;
		}
		return new IPAddressString(text, parameters).getAddress();
	}

	/**
	 * The strict forms only: no inet_aton forms ({@code 1.2.3}, {@code 0x7f.1}, octal, a
	 * single 32-bit number), no leading zeros in an IPv4 octet (they would be octal to
	 * some stacks), no zone id, no wildcards, ranges, masks, binary or base 85. IPv6
	 * groups keep up to four hex digits, leading zeros included ({@code 0db8}).
	 * @param prefix whether a CIDR prefix length may follow the address
	 */
	private static IPAddressStringParameters strict(boolean prefix) {
		IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder().allowEmpty(false)
			.allowAll(false)
			.allowSingleSegment(false)
			.allowMask(false)
			.allowPrefixOnly(false)
			.allowPrefix(prefix)
			.allowWildcardedSeparator(false)
			.setRangeOptions(RangeParameters.NO_RANGE)
			.allow_inet_aton(false);
		strictIpv4(builder.getIPv4AddressParametersBuilder()).allowPrefixLengthLeadingZeros(true)
			.allowPrefixesBeyondAddressSize(false);
		IPv6AddressStringParameters.Builder ipv6 = builder.getIPv6AddressParametersBuilder()
			.allowZone(false)
			.allowEmptyZone(false)
			.allowBase85(false)
			.allowBinary(false)
			.allowMixed(true)
			.allow_mixed_inet_aton(false)
			.allowLeadingZeros(true)
			.allowUnlimitedLeadingZeros(false)
			.allowPrefixLengthLeadingZeros(true)
			.allowPrefixesBeyondAddressSize(false)
			.allowWildcardedSeparator(false)
			.setRangeOptions(RangeParameters.NO_RANGE);
		strictIpv4(ipv6.getEmbeddedIPv4AddressParametersBuilder());
		return builder.toParams();
	}

	/**
	 * The dotted quad rules, for IPv4 and for the dotted quad that may end IPv6 text.
	 */
	private static IPv4AddressStringParameters.Builder strictIpv4(IPv4AddressStringParameters.Builder ipv4) {
		return ipv4.allow_inet_aton(false)
			.allowLeadingZeros(false)
			.allowUnlimitedLeadingZeros(false)
			.allowBinary(false)
			.allowWildcardedSeparator(false)
			.setRangeOptions(RangeParameters.NO_RANGE);
	}

	/**
	 * An address as written in a range, before the range's own rules.
	 *
	 * @param address the address written before the slash
	 * @param prefix the prefix length, absent when there is no slash
	 */
	record Prefixed(SipIpLiteral address, OptionalInt prefix) {
	}

}
