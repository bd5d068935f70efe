package io.trunkline.livekit.standin;

import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.CreateSIPOutboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPTransport;

/**
 * Trunks as a voice-AI platform asks Trunkline for them.
 */
final class Trunks {

	private Trunks() {
	}

	/**
	 * A DID answered from a carrier's signalling IPs.
	 */
	static SIPInboundTrunkInfo didTrunkWithIpAuth(String number) {
		return SIPInboundTrunkInfo.newBuilder()
			.setName("acme support line")
			.setMetadata("{\"trunkline_request\":\"req-1\"}")
			.addNumbers(number)
			.addAllowedAddresses("203.0.113.0/24")
			.build();
	}

	/**
	 * Outbound calls through a carrier with digest auth.
	 */
	static SIPOutboundTrunkInfo carrierTrunk(String number) {
		return SIPOutboundTrunkInfo.newBuilder()
			.setName("acme outbound")
			.setAddress("sip.carrier.example:5060")
			.setTransport(SIPTransport.SIP_TRANSPORT_TCP)
			.setDestinationCountry("US")
			.addNumbers(number)
			.setAuthUsername("acme")
			.setAuthPassword("s3cret")
			.build();
	}

	static CreateSIPInboundTrunkRequest create(SIPInboundTrunkInfo trunk) {
		return CreateSIPInboundTrunkRequest.newBuilder().setTrunk(trunk).build();
	}

	static CreateSIPOutboundTrunkRequest create(SIPOutboundTrunkInfo trunk) {
		return CreateSIPOutboundTrunkRequest.newBuilder().setTrunk(trunk).build();
	}

}
