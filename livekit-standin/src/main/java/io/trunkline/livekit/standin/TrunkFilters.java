package io.trunkline.livekit.standin;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import livekit.LivekitModels.Pagination;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.ListSIPOutboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;

/**
 * The List filters of {@code livekit/protocol} ({@code ListSIPInboundTrunkRequest.Filter}
 * and its outbound twin), including their less obvious turns: a trunk with no numbers
 * matches every {@code numbers} filter, inbound numbers compare after normalisation but
 * outbound ones only as written, and results come sorted by id.
 */
final class TrunkFilters {

	private TrunkFilters() {
	}

	static boolean matches(ListSIPInboundTrunkRequest filter, SIPInboundTrunkInfo trunk) {
		if (filter.getTrunkIdsCount() != 0 && !filter.getTrunkIdsList().contains(trunk.getSipTrunkId())) {
			return false;
		}
		if (filter.getNumbersCount() != 0 && trunk.getNumbersCount() != 0) {
			return trunk.getNumbersList()
				.stream()
				.anyMatch((number) -> filter.getNumbersList()
					.stream()
					.anyMatch((wanted) -> PhoneNumbers.same(number, wanted)));
		}
		return true;
	}

	static boolean matches(ListSIPOutboundTrunkRequest filter, SIPOutboundTrunkInfo trunk) {
		if (filter.getTrunkIdsCount() != 0 && !filter.getTrunkIdsList().contains(trunk.getSipTrunkId())) {
			return false;
		}
		if (filter.getNumbersCount() != 0 && trunk.getNumbersCount() != 0) {
			return trunk.getNumbersList().stream().anyMatch(filter.getNumbersList()::contains);
		}
		return true;
	}

	/**
	 * LiveKit's List walks every page itself ({@code ListPageIter}) and answers with all
	 * trunks after {@code page.after_id}, sorted by id; {@code page.limit} only sizes its
	 * internal pages.
	 */
	static boolean afterPage(Pagination page, String trunkId) {
		return page.getAfterId().isEmpty() || trunkId.compareTo(page.getAfterId()) > 0;
	}

	static <T> List<T> sortedById(List<T> trunks, Function<T, String> id) {
		return trunks.stream().sorted(Comparator.comparing(id)).toList();
	}

}
