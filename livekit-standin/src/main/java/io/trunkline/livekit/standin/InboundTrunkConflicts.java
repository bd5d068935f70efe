package io.trunkline.livekit.standin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import livekit.LivekitSip.SIPInboundTrunkInfo;

/**
 * LiveKit's rule that no two inbound trunks may answer the same called number for the
 * same callers ({@code sip.ValidateTrunksIter} in {@code livekit/protocol}): trunks are
 * grouped by called number (no numbers meaning "any"), and within a group two trunks
 * conflict when neither restricts {@code allowed_numbers}, or when they allow the same
 * caller. The new trunk is checked last, against the existing trunks the List filter
 * finds for its numbers, so the message names it {@code "<new>"}.
 *
 * <p>
 * One deliberate difference: called numbers are grouped after normalisation
 * ({@code +1 555-0100} and {@code 15550100} collide), where LiveKit groups them as
 * written and only normalises for the List pre-filter. The stand-in is therefore a little
 * stricter, never more lenient.
 */
final class InboundTrunkConflicts {

	private static final String ANY = "";

	private InboundTrunkConflicts() {
	}

	/**
	 * @param existing the stored trunks that share a number with the candidate, sorted by
	 * id
	 * @param candidate the trunk about to be created, still without an id
	 * @throws RequestRejected with {@code invalid_argument} on the first conflict
	 */
	static void check(List<SIPInboundTrunkInfo> existing, SIPInboundTrunkInfo candidate) {
		Map<String, Map<String, SIPInboundTrunkInfo>> byCalledThenCalling = new HashMap<>();
		for (SIPInboundTrunkInfo trunk : existing) {
			register(byCalledThenCalling, trunk);
		}
		register(byCalledThenCalling, candidate);
	}

	private static void register(Map<String, Map<String, SIPInboundTrunkInfo>> byCalledThenCalling,
			SIPInboundTrunkInfo trunk) {
		List<String> called = trunk.getNumbersList().isEmpty() ? List.of(ANY)
				: trunk.getNumbersList().stream().map(PhoneNumbers::normalize).toList();
		for (String number : called) {
			registerCallers(byCalledThenCalling.computeIfAbsent(number, (key) -> new HashMap<>()), trunk);
		}
	}

	private static void registerCallers(Map<String, SIPInboundTrunkInfo> byCalling, SIPInboundTrunkInfo trunk) {
		if (trunk.getAllowedNumbersList().isEmpty()) {
			SIPInboundTrunkInfo other = byCalling.get(ANY);
			if (other != null) {
				throw new RequestRejected(TwirpCode.INVALID_ARGUMENT,
						"Conflicting inbound SIP Trunks: %s and %s, using the same number(s) %s without AllowedNumbers set"
							.formatted(GoStrings.quote(printId(trunk)), GoStrings.quote(printId(other)),
									printNumbers(trunk)));
			}
			byCalling.put(ANY, trunk);
			return;
		}
		for (String caller : trunk.getAllowedNumbersList()) {
			String key = PhoneNumbers.normalize(caller);
			SIPInboundTrunkInfo other = byCalling.get(key);
			if (other != null) {
				throw new RequestRejected(TwirpCode.INVALID_ARGUMENT,
						"Conflicting inbound SIP Trunks: %s and %s, using the same number(s) %s and AllowedNumber %s"
							.formatted(GoStrings.quote(printId(trunk)), GoStrings.quote(printId(other)),
									printNumbers(trunk), GoStrings.quote(caller)));
			}
			byCalling.put(key, trunk);
		}
	}

	private static String printId(SIPInboundTrunkInfo trunk) {
		return trunk.getSipTrunkId().isEmpty() ? "<new>" : trunk.getSipTrunkId();
	}

	/**
	 * Go's {@code %q} of a {@code []string}: {@code ["+15550100" "+15550101"]}, or
	 * {@code <any>} for none.
	 */
	private static String printNumbers(SIPInboundTrunkInfo trunk) {
		if (trunk.getNumbersList().isEmpty()) {
			return "<any>";
		}
		return trunk.getNumbersList().stream().map(GoStrings::quote).collect(Collectors.joining(" ", "[", "]"));
	}

}
