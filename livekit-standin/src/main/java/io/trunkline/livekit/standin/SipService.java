package io.trunkline.livekit.standin;

import java.util.List;

import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.CreateSIPOutboundTrunkRequest;
import livekit.LivekitSip.DeleteSIPTrunkRequest;
import livekit.LivekitSip.GetSIPInboundTrunkRequest;
import livekit.LivekitSip.GetSIPInboundTrunkResponse;
import livekit.LivekitSip.GetSIPOutboundTrunkRequest;
import livekit.LivekitSip.GetSIPOutboundTrunkResponse;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.ListSIPInboundTrunkResponse;
import livekit.LivekitSip.ListSIPOutboundTrunkRequest;
import livekit.LivekitSip.ListSIPOutboundTrunkResponse;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPTrunkInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trunk methods of LiveKit's {@code livekit.SIP} service, with the validation and
 * error messages of {@code livekit-server}'s {@code pkg/service/sip.go} and
 * {@code livekit/protocol}'s {@code livekit/sip.go}. The caller has already been
 * authorised; each method only validates and acts.
 */
final class SipService {

	private static final Logger logger = LoggerFactory.getLogger(SipService.class);

	private static final String TRUNK_NOT_FOUND = "requested sip trunk does not exist";

	private final SipTrunks trunks;

	SipService(SipTrunks trunks) {
		this.trunks = trunks;
	}

	/**
	 * @return the methods this stand-in implements; the other methods of
	 * {@code livekit.SIP} answer {@code unimplemented}
	 */
	List<SipRpc> rpcs() {
		return List.of(
				SipRpc.of("CreateSIPInboundTrunk", CreateSIPInboundTrunkRequest.getDefaultInstance(),
						this::createInboundTrunk),
				SipRpc.of("CreateSIPOutboundTrunk", CreateSIPOutboundTrunkRequest.getDefaultInstance(),
						this::createOutboundTrunk),
				SipRpc.of("GetSIPInboundTrunk", GetSIPInboundTrunkRequest.getDefaultInstance(), this::getInboundTrunk),
				SipRpc.of("GetSIPOutboundTrunk", GetSIPOutboundTrunkRequest.getDefaultInstance(),
						this::getOutboundTrunk),
				SipRpc.of("ListSIPInboundTrunk", ListSIPInboundTrunkRequest.getDefaultInstance(),
						this::listInboundTrunks),
				SipRpc.of("ListSIPOutboundTrunk", ListSIPOutboundTrunkRequest.getDefaultInstance(),
						this::listOutboundTrunks),
				SipRpc.of("DeleteSIPTrunk", DeleteSIPTrunkRequest.getDefaultInstance(), this::deleteTrunk));
	}

	SIPInboundTrunkInfo createInboundTrunk(CreateSIPInboundTrunkRequest request) {
		if (!request.hasTrunk()) {
			throw invalid("missing trunk");
		}
		SIPInboundTrunkInfo trunk = request.getTrunk();
		if (!trunk.getSipTrunkId().isEmpty()) {
			throw invalid("trunk id must not be set");
		}
		boolean hasAuth = !trunk.getAuthUsername().isEmpty() || !trunk.getAuthPassword().isEmpty();
		if (!hasAuth && trunk.getAllowedAddressesCount() == 0 && trunk.getNumbersCount() == 0) {
			throw invalid(
					"for security, one of the fields must be set: AuthUsername+AuthPassword, AllowedAddresses or Numbers");
		}
		SIPInboundTrunkInfo stored = this.trunks.createInbound(trunk);
		logger.info("Created inbound trunk {} named '{}' for numbers {}", stored.getSipTrunkId(), stored.getName(),
				stored.getNumbersList());
		return stored;
	}

	SIPOutboundTrunkInfo createOutboundTrunk(CreateSIPOutboundTrunkRequest request) {
		if (!request.hasTrunk()) {
			throw invalid("missing trunk");
		}
		SIPOutboundTrunkInfo trunk = request.getTrunk();
		if (!trunk.getSipTrunkId().isEmpty()) {
			throw invalid("trunk id must not be set");
		}
		if (trunk.getNumbersCount() == 0) {
			throw invalid("no trunk numbers specified");
		}
		if (trunk.getAddress().isEmpty()) {
			throw invalid("no outbound address specified");
		}
		requireHostname(trunk.getAddress(), "trunk address");
		requireHostname(trunk.getFromHost(), "from_host");
		SIPOutboundTrunkInfo stored = this.trunks.createOutbound(trunk);
		logger.info("Created outbound trunk {} named '{}' to {} for numbers {}", stored.getSipTrunkId(),
				stored.getName(), stored.getAddress(), stored.getNumbersList());
		return stored;
	}

	GetSIPInboundTrunkResponse getInboundTrunk(GetSIPInboundTrunkRequest request) {
		if (request.getSipTrunkId().isEmpty()) {
			throw invalid("trunk ID is required");
		}
		SIPInboundTrunkInfo trunk = this.trunks.inbound(request.getSipTrunkId())
			.orElseThrow(() -> new RequestRejected(TwirpCode.NOT_FOUND, TRUNK_NOT_FOUND));
		return GetSIPInboundTrunkResponse.newBuilder().setTrunk(trunk).build();
	}

	GetSIPOutboundTrunkResponse getOutboundTrunk(GetSIPOutboundTrunkRequest request) {
		if (request.getSipTrunkId().isEmpty()) {
			throw invalid("trunk ID is required");
		}
		SIPOutboundTrunkInfo trunk = this.trunks.outbound(request.getSipTrunkId())
			.orElseThrow(() -> new RequestRejected(TwirpCode.NOT_FOUND, TRUNK_NOT_FOUND));
		return GetSIPOutboundTrunkResponse.newBuilder().setTrunk(trunk).build();
	}

	ListSIPInboundTrunkResponse listInboundTrunks(ListSIPInboundTrunkRequest request) {
		List<SIPInboundTrunkInfo> found = this.trunks.inboundCandidates(request.getNumbersList())
			.stream()
			.filter((trunk) -> TrunkFilters.matches(request, trunk))
			.filter((trunk) -> TrunkFilters.afterPage(request.getPage(), trunk.getSipTrunkId()))
			.toList();
		return ListSIPInboundTrunkResponse.newBuilder()
			.addAllItems(TrunkFilters.sortedById(found, SIPInboundTrunkInfo::getSipTrunkId))
			.build();
	}

	ListSIPOutboundTrunkResponse listOutboundTrunks(ListSIPOutboundTrunkRequest request) {
		List<SIPOutboundTrunkInfo> found = this.trunks.outboundCandidates(request.getNumbersList())
			.stream()
			.filter((trunk) -> TrunkFilters.matches(request, trunk))
			.filter((trunk) -> TrunkFilters.afterPage(request.getPage(), trunk.getSipTrunkId()))
			.toList();
		return ListSIPOutboundTrunkResponse.newBuilder()
			.addAllItems(TrunkFilters.sortedById(found, SIPOutboundTrunkInfo::getSipTrunkId))
			.build();
	}

	/**
	 * Deletes a trunk of either kind. Like the open-source server, deleting an unknown id
	 * succeeds, and the answer is the legacy {@code SIPTrunkInfo} with only the id set.
	 */
	@SuppressWarnings("deprecation") // DeleteSIPTrunk still answers with the legacy type
	SIPTrunkInfo deleteTrunk(DeleteSIPTrunkRequest request) {
		if (request.getSipTrunkId().isEmpty()) {
			throw invalid("trunk ID is required");
		}
		if (this.trunks.delete(request.getSipTrunkId())) {
			logger.info("Deleted trunk {}", request.getSipTrunkId());
		}
		return SIPTrunkInfo.newBuilder().setSipTrunkId(request.getSipTrunkId()).build();
	}

	/**
	 * LiveKit dials {@code address} and {@code from_host} as host names or IPs with an
	 * optional port; a SIP URI or a transport parameter there is refused.
	 */
	private static void requireHostname(String value, String field) {
		if (value.contains("transport=")) {
			throw invalid(field + " should not contain transport parameter");
		}
		if (value.contains("@") || value.contains(";") || value.startsWith("sip:") || value.startsWith("sips:")) {
			throw invalid(field + " should be a hostname or IP, not SIP URI");
		}
	}

	private static RequestRejected invalid(String msg) {
		return new RequestRejected(TwirpCode.INVALID_ARGUMENT, msg);
	}

}
