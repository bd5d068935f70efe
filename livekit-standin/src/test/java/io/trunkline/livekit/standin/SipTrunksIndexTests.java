package io.trunkline.livekit.standin;

import java.time.Clock;
import java.util.List;

import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The number index keeps the store's answers exactly those of a full scan, among many
 * trunks: conflicts, filters, trunks without numbers, normalisation for inbound and exact
 * numbers for outbound, and deletes.
 */
class SipTrunksIndexTests {

	SipTrunks trunks;

	@BeforeEach
	void manyTrunks() {
		this.trunks = new SipTrunks(Clock.systemUTC());
		for (int i = 0; i < 2000; i++) {
			this.trunks.createInbound(inbound("+1415555" + String.format("%04d", i)));
			this.trunks.createOutbound(outbound("1415555" + String.format("%04d", i)));
		}
	}

	@Test
	void stillRefusesAConflictingNumberWrittenDifferently() {
		assertThatThrownBy(() -> this.trunks.createInbound(inbound("1 (415) 555-1234")))
			.isInstanceOf(RequestRejected.class)
			.hasMessageContaining("Conflicting inbound SIP Trunks");
	}

	@Test
	void findsInboundTrunksByNormalisedNumberAndOutboundOnesAsWritten() {
		assertThat(this.trunks.inboundCandidates(List.of("+1 415-555-0042"))).extracting((t) -> t.getNumbers(0))
			.containsExactly("+14155550042");
		assertThat(this.trunks.outboundCandidates(List.of("14155550042"))).extracting((t) -> t.getNumbers(0))
			.containsExactly("14155550042");
		assertThat(this.trunks.outboundCandidates(List.of("+14155550042"))).isEmpty();
	}

	@Test
	void alwaysOffersTrunksWithoutNumbers() {
		SIPInboundTrunkInfo any = this.trunks
			.createInbound(SIPInboundTrunkInfo.newBuilder().setAuthUsername("u").setAuthPassword("p").build());

		assertThat(this.trunks.inboundCandidates(List.of("+14155550042")))
			.extracting(SIPInboundTrunkInfo::getSipTrunkId)
			.contains(any.getSipTrunkId());
	}

	@Test
	void forgetsADeletedTrunksNumbers() {
		String id = this.trunks.inboundCandidates(List.of("+14155551234")).get(0).getSipTrunkId();

		this.trunks.delete(id);

		assertThat(this.trunks.inboundCandidates(List.of("+14155551234"))).isEmpty();
		assertThat(this.trunks.createInbound(inbound("+14155551234")).getSipTrunkId()).isNotEqualTo(id);
	}

	@Test
	void listsEverythingWithoutAFilter() {
		assertThat(this.trunks.inboundCandidates(List.of())).hasSize(2000);
		assertThat(this.trunks.outboundCandidates(List.of())).hasSize(2000);
	}

	static SIPInboundTrunkInfo inbound(String number) {
		return SIPInboundTrunkInfo.newBuilder().addNumbers(number).setAuthUsername("u").setAuthPassword("p").build();
	}

	static SIPOutboundTrunkInfo outbound(String number) {
		return SIPOutboundTrunkInfo.newBuilder().addNumbers(number).setAddress("sip.example.com").build();
	}

}
