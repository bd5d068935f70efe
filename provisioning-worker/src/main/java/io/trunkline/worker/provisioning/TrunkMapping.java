package io.trunkline.worker.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.trunkline.schema.trunk.TrunkDefinition;
import io.trunkline.worker.voice.InboundTrunk;
import io.trunkline.worker.voice.OutboundTrunk;

/**
 * The product's mapping of a Trunkline trunk onto LiveKit's two trunks.
 * <ul>
 * <li>Inbound: named by the nickname (or a generated label), marked with the request,
 * answering the phone number (E.164 for a DID, the extension as is), authenticated by the
 * SIP credentials ({@code auth}) or by the allowed addresses and no credentials
 * ({@code ip}).</li>
 * <li>Outbound: to the SIP address (or the installation's fixed-IP proxy, with the
 * provider's address in the {@value #UPSTREAM_HEADER} header for the proxy to route on),
 * calling from the number written in the trunk's calling format, with the SIP
 * credentials, the country as destination country, and the same marker.</li>
 * </ul>
 */
final class TrunkMapping {

	/**
	 * The SIP header that tells the outbound proxy which provider to forward a call to.
	 */
	static final String UPSTREAM_HEADER = "X-Trunkline-Upstream";

	private static final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

	private final String installation;

	private final String proxyAddress;

	TrunkMapping(String installation, String proxyAddress) {
		this.installation = installation;
		this.proxyAddress = proxyAddress;
	}

	InboundTrunk inbound(TrunkRequest request, String password) {
		TrunkDefinition trunk = request.trunk();
		boolean ip = trunk.ipAuthenticated();
		return new InboundTrunk(name(trunk), marker(request), List.of(trunk.phoneNumber()),
				ip ? trunk.allowedInboundIps() : List.of(), ip ? "" : trunk.sipUsername(), ip ? "" : password);
	}

	OutboundTrunk outbound(TrunkRequest request, String password) {
		TrunkDefinition trunk = request.trunk();
		String address = trunk.sipAddress();
		Map<String, String> headers = Map.of();
		if (trunk.outboundProxy()) {
			if (this.proxyAddress == null || this.proxyAddress.isBlank()) {
				throw new OutboundProxyUnavailable();
			}
			address = this.proxyAddress;
			headers = Map.of(UPSTREAM_HEADER, trunk.sipAddress());
		}
		return new OutboundTrunk(name(trunk), marker(request), address, List.of(callingNumber(trunk)),
				trunk.sipUsername(), password, trunk.countryCode(), headers);
	}

	/**
	 * @return the number the outbound trunk calls from, written in the trunk's calling
	 * format
	 */
	static String callingNumber(TrunkDefinition trunk) {
		if (trunk.isExtension()) {
			return trunk.phoneNumber();
		}
		String e164 = trunk.phoneNumber();
		return switch (trunk.callingFormat()) {
			case E164 -> e164.startsWith("+") ? e164.substring(1) : e164;
			case NATIONAL -> national(e164);
			case PLUS_E164 -> e164.startsWith("+") ? e164 : "+" + e164;
		};
	}

	private static String national(String e164) {
		try {
			PhoneNumber number = phoneNumbers.parse(e164, null);
			return phoneNumbers.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("\\D", "");
		}
		catch (NumberParseException ex) {
			throw new IllegalArgumentException("The stored number is not E.164", ex);
		}
	}

	String marker(TrunkRequest request) {
		return Marker.of(this.installation, request.id(), request.accountId());
	}

	Optional<UUID> requestMarkedBy(String metadata) {
		return Marker.requestOf(this.installation, metadata);
	}

	private static String name(TrunkDefinition trunk) {
		if (trunk.nickname() != null && !trunk.nickname().isBlank()) {
			return trunk.nickname();
		}
		return "Trunkline " + trunk.phoneNumber();
	}

	/**
	 * The installation offers no outbound proxy although the request asks for one.
	 */
	static class OutboundProxyUnavailable extends RuntimeException {

		OutboundProxyUnavailable() {
			super("This installation has no outbound proxy configured");
		}

	}

}
