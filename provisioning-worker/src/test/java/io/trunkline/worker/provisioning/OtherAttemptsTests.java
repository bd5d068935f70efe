package io.trunkline.worker.provisioning;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.worker.provisioning.FakeLiveKit.HeldCreate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.trunkline.worker.voice.ExistingTrunk.Direction.INBOUND;
import static io.trunkline.worker.voice.ExistingTrunk.Direction.OUTBOUND;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What other attempts at a request made is theirs: an attempt reuses a trunk an earlier
 * one marked instead of creating another, and one whose request another attempt took over
 * never deletes a trunk that attempt committed, nor anything while that attempt still
 * holds the request.
 */
class OtherAttemptsTests {

	final InMemoryTrunkRequests requests = new InMemoryTrunkRequests();

	final FakeLiveKit liveKit = new FakeLiveKit();

	@RegisterExtension
	final Worker worker = Worker.inMemory(this.requests, this.liveKit);

	@Test
	void reusesATrunkAnEarlierAttemptMarkedInsteadOfCreatingAnother() {
		UUID requestId = this.requests.pendingRequest("1001");
		String earlier = this.liveKit.existing(INBOUND, this.requests.markerOf(requestId), "1001");
		this.requests.triedBefore(requestId, 1);

		assertThat(this.worker.provision(requestId)).isEmpty();

		assertThat(this.liveKit.creates(INBOUND)).isZero();
		assertThat(this.liveKit.creates(OUTBOUND)).isEqualTo(1);
		assertThat(this.requests.committedTrunk(requestId)).first().isEqualTo(earlier);
	}

	@Test
	void reusesTheTrunkACreateWithALostResponseMade() {
		UUID requestId = this.requests.pendingRequest("1001");
		this.liveKit.loseNextCreateResponse(INBOUND);

		assertThat(this.worker.provision(requestId)).isEmpty();

		assertThat(this.liveKit.creates(INBOUND)).isEqualTo(1);
		assertThat(this.liveKit.trunkIds(INBOUND)).hasSize(1);
		assertThat(this.requests.committedTrunk(requestId)).first().isEqualTo(this.liveKit.trunkIds(INBOUND).get(0));
	}

	@Test
	void neverDeletesTheTrunksThatTheAttemptWhichTookItsRequestOverCommitted() {
		UUID requestId = this.requests.pendingRequest("1001");
		HeldCreate slowOutbound = this.liveKit.holdNextCreate(OUTBOUND);
		CompletableFuture<Map<UUID, RuntimeException>> stale = this.worker.provisionMeanwhile(requestId);
		await().atMost(10, SECONDS).until(() -> slowOutbound.arrived() && this.liveKit.trunkIds(INBOUND).size() == 1);
		String ourInbound = this.liveKit.trunkIds(INBOUND).get(0);
		// The attempt that took the request over reused our inbound trunk and made its
		// own outbound one.
		this.requests.takenOverByAnotherAttempt(requestId);
		String theirOutbound = this.liveKit.existing(OUTBOUND, this.requests.markerOf(requestId), "1001");
		this.requests.provisionedByAnotherAttempt(requestId, ourInbound, theirOutbound);

		slowOutbound.release();

		assertThat(stale.join()).isEmpty();
		assertThat(this.requests.committedTrunk(requestId)).containsExactly(ourInbound, theirOutbound);
		assertThat(this.liveKit.trunkIds()).containsExactlyInAnyOrder(ourInbound, theirOutbound);
		assertThat(this.worker.published()).singleElement()
			.isInstanceOfSatisfying(TrunkProvisioned.class,
					(theirs) -> assertThat(List.of(theirs.inboundTrunkId(), theirs.outboundTrunkId()))
						.containsExactly(ourInbound, theirOutbound));
		assertThat(this.worker.meters.find("trunkline.provisioning.outcomes").counters())
			.as("the outcome is the other attempt's to count")
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void deletesNothingWhileTheAttemptThatTookItsRequestOverHoldsIt() {
		UUID requestId = this.requests.pendingRequest("1001");
		HeldCreate slowOutbound = this.liveKit.holdNextCreate(OUTBOUND);
		CompletableFuture<Map<UUID, RuntimeException>> stale = this.worker.provisionMeanwhile(requestId);
		await().atMost(10, SECONDS).until(slowOutbound::arrived);
		this.requests.takenOverByAnotherAttempt(requestId);

		slowOutbound.release();

		assertThat(stale.join()).isEmpty();
		assertThat(this.requests.status(requestId)).isEqualTo("pending");
		assertThat(this.liveKit.trunkIds()).hasSize(2);
		assertThat(this.worker.published()).isEmpty();
	}

	@Test
	void aFailedAttemptDeletesNothingOnceAnotherAttemptTookItsRequestOver() {
		UUID requestId = this.requests.pendingRequest("1001");
		HeldCreate slowInbound = this.liveKit.holdNextCreate(INBOUND);
		this.liveKit.refuseNextCreate(OUTBOUND, "address refused");
		CompletableFuture<Map<UUID, RuntimeException>> stale = this.worker.provisionMeanwhile(requestId);
		await().atMost(10, SECONDS).until(() -> slowInbound.arrived() && this.liveKit.creates(OUTBOUND) == 1);
		this.requests.takenOverByAnotherAttempt(requestId);

		slowInbound.release();

		assertThat(stale.join()).isEmpty();
		assertThat(this.requests.status(requestId)).isEqualTo("pending");
		assertThat(this.liveKit.trunkIds(INBOUND)).hasSize(1);
		assertThat(this.worker.published()).isEmpty();
	}

}
