package io.trunkline.livekit.standin;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.protobuf.Timestamp;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;

/**
 * The trunks the stand-in holds, in creation order. One lock guards both kinds, so an
 * inbound create checks for number conflicts and stores in one step however many requests
 * arrive at once.
 * <p>
 * Trunks are also indexed by number (inbound ones by normalised number, outbound ones as
 * written, as the List filters compare them), so that a create's conflict check and a
 * List filtered by numbers cost the same with ten trunks or a hundred thousand: the
 * stand-in must never be what a benchmark measures. Trunks without numbers match every
 * number filter and are kept aside.
 */
final class SipTrunks {

	private final Map<String, SIPInboundTrunkInfo> inbound = new LinkedHashMap<>();

	private final Map<String, SIPOutboundTrunkInfo> outbound = new LinkedHashMap<>();

	private final NumberIndex inboundByNumber = new NumberIndex();

	private final NumberIndex outboundByNumber = new NumberIndex();

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
		List<SIPInboundTrunkInfo> sharing = inboundCandidates(trunk.getNumbersList()).stream()
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
		this.inboundByNumber.add(stored.getSipTrunkId(), normalized(stored.getNumbersList()));
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
		this.outboundByNumber.add(stored.getSipTrunkId(), stored.getNumbersList());
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
	 * @param numbers the numbers of a List filter, empty for none
	 * @return the inbound trunks that may match it: those sharing a number after
	 * normalisation and those without numbers; all of them when there is no filter
	 */
	synchronized List<SIPInboundTrunkInfo> inboundCandidates(List<String> numbers) {
		if (numbers.isEmpty()) {
			return List.copyOf(this.inbound.values());
		}
		return this.inboundByNumber.lookup(normalized(numbers)).stream().map(this.inbound::get).toList();
	}

	/**
	 * @param numbers the numbers of a List filter, empty for none
	 * @return the outbound trunks that may match it: those with one of the numbers as
	 * written and those without numbers; all of them when there is no filter
	 */
	synchronized List<SIPOutboundTrunkInfo> outboundCandidates(List<String> numbers) {
		if (numbers.isEmpty()) {
			return List.copyOf(this.outbound.values());
		}
		return this.outboundByNumber.lookup(numbers).stream().map(this.outbound::get).toList();
	}

	/**
	 * Forgets a trunk of either kind.
	 * @param id the trunk id
	 * @return whether a trunk was there
	 */
	synchronized boolean delete(String id) {
		SIPInboundTrunkInfo inboundTrunk = this.inbound.remove(id);
		if (inboundTrunk != null) {
			this.inboundByNumber.remove(id, normalized(inboundTrunk.getNumbersList()));
		}
		SIPOutboundTrunkInfo outboundTrunk = this.outbound.remove(id);
		if (outboundTrunk != null) {
			this.outboundByNumber.remove(id, outboundTrunk.getNumbersList());
		}
		return inboundTrunk != null || outboundTrunk != null;
	}

	synchronized void clear() {
		this.inbound.clear();
		this.outbound.clear();
		this.inboundByNumber.clear();
		this.outboundByNumber.clear();
	}

	private static List<String> normalized(List<String> numbers) {
		return numbers.stream().map(PhoneNumbers::normalize).toList();
	}

	/**
	 * Trunk ids by number, in creation order, plus the ids of trunks without numbers.
	 */
	private static final class NumberIndex {

		private final Map<String, Set<String>> byNumber = new HashMap<>();

		private final Set<String> withoutNumbers = new LinkedHashSet<>();

		void add(String id, List<String> numbers) {
			if (numbers.isEmpty()) {
				this.withoutNumbers.add(id);
			}
			for (String number : numbers) {
				this.byNumber.computeIfAbsent(number, (key) -> new LinkedHashSet<>()).add(id);
			}
		}

		void remove(String id, List<String> numbers) {
			this.withoutNumbers.remove(id);
			for (String number : numbers) {
				Set<String> ids = this.byNumber.get(number);
				if (ids != null) {
					ids.remove(id);
					if (ids.isEmpty()) {
						this.byNumber.remove(number);
					}
				}
			}
		}

		Set<String> lookup(List<String> numbers) {
			Set<String> ids = new LinkedHashSet<>(this.withoutNumbers);
			for (String number : numbers) {
				ids.addAll(this.byNumber.getOrDefault(number, Set.of()));
			}
			return ids;
		}

		void clear() {
			this.byNumber.clear();
			this.withoutNumbers.clear();
		}

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
