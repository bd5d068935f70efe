package io.trunkline.livekit.standin;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Timestamp;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;

/**
 * The trunks the stand-in holds, in creation order. One lock guards both kinds, so an
 * inbound create checks for number conflicts and stores in one step however many requests
 * arrive at once.
 */
final class SipTrunks {

	private final Map<String, SIPInboundTrunkInfo> inbound = new LinkedHashMap<>();

	private final Map<String, SIPOutboundTrunkInfo> outbound = new LinkedHashMap<>();

	private final TrunkIds ids = new TrunkIds();

	private final Clock clock;

	SipTrunks(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Stores a new inbound trunk under a fresh id.
	 * @param trunk a validated trunk without an id
	 * @return the trunk as stored
	 * @throws RequestRejected when its numbers conflict with a stored trunk
	 */
	synchronized SIPInboundTrunkInfo createInbound(SIPInboundTrunkInfo trunk) {
		ListSIPInboundTrunkRequest sameNumbers = ListSIPInboundTrunkRequest.newBuilder()
			.addAllNumbers(trunk.getNumbersList())
			.build();
		List<SIPInboundTrunkInfo> sharing = this.inbound.values()
			.stream()
			.filter((stored) -> TrunkFilters.matches(sameNumbers, stored))
			.toList();
		InboundTrunkConflicts.check(TrunkFilters.sortedById(sharing, SIPInboundTrunkInfo::getSipTrunkId), trunk);
		Timestamp now = now();
		SIPInboundTrunkInfo stored = trunk.toBuilder()
			.setSipTrunkId(freshId())
			.setCreatedAt(now)
			.setUpdatedAt(now)
			.build();
		this.inbound.put(stored.getSipTrunkId(), stored);
		return stored;
	}

	/**
	 * Stores a new outbound trunk under a fresh id. Outbound trunks never conflict:
	 * creating the same one twice makes two.
	 * @param trunk a validated trunk without an id
	 * @return the trunk as stored
	 */
	synchronized SIPOutboundTrunkInfo createOutbound(SIPOutboundTrunkInfo trunk) {
		Timestamp now = now();
		SIPOutboundTrunkInfo stored = trunk.toBuilder()
			.setSipTrunkId(freshId())
			.setCreatedAt(now)
			.setUpdatedAt(now)
			.build();
		this.outbound.put(stored.getSipTrunkId(), stored);
		return stored;
	}

	synchronized Optional<SIPInboundTrunkInfo> inbound(String id) {
		return Optional.ofNullable(this.inbound.get(id));
	}

	synchronized Optional<SIPOutboundTrunkInfo> outbound(String id) {
		return Optional.ofNullable(this.outbound.get(id));
	}

	synchronized List<SIPInboundTrunkInfo> inbound() {
		return List.copyOf(this.inbound.values());
	}

	synchronized List<SIPOutboundTrunkInfo> outbound() {
		return List.copyOf(this.outbound.values());
	}

	/**
	 * Forgets a trunk of either kind.
	 * @param id the trunk id
	 * @return whether a trunk was there
	 */
	synchronized boolean delete(String id) {
		return this.inbound.remove(id) != null | this.outbound.remove(id) != null;
	}

	synchronized void clear() {
		this.inbound.clear();
		this.outbound.clear();
	}

	private String freshId() {
		String id = this.ids.next();
		while (this.inbound.containsKey(id) || this.outbound.containsKey(id)) {
			id = this.ids.next();
		}
		return id;
	}

	private Timestamp now() {
		Instant now = this.clock.instant();
		return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
	}

}
