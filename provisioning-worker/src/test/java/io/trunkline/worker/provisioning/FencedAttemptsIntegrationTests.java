package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import io.trunkline.worker.provisioning.FakeLiveKit.HeldCreate;
import io.trunkline.worker.provisioning.TrunkRequests.Provisioned;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.trunkline.worker.voice.ExistingTrunk.Direction.INBOUND;
import static io.trunkline.worker.voice.ExistingTrunk.Direction.OUTBOUND;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two attempts at one request, as when a worker seemed dead (a long pause, a partition
 * from the database) for longer than its lease while LiveKit was slow, and another worker
 * took the request over: only the latest attempt's commit or failure counts, nothing the
 * winner committed is deleted, and the request ends as exactly one trunk whose two
 * LiveKit trunks exist.
 */
class FencedAttemptsIntegrationTests {

	/**
	 * A lease whose renewal never comes during a test: its worker is as good as paused,
	 * and the test ends its lease when the pause has lasted long enough.
	 */
	static final Duration PAUSED = Duration.ofHours(1);

	final ProvisioningDatabase database = ProvisioningDatabase.shared();

	final FakeLiveKit liveKit = new FakeLiveKit();

	Worker first;

	Worker second;

	@AfterEach
	void stopWorkers() {
		for (Worker worker : new Worker[] { this.first, this.second }) {
			if (worker != null) {
				worker.close();
			}
		}
	}

	@Test
	void aStaleAttemptChangesNothingWhenItCommitsFailsOrRenews() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		PendingRequests requests = new PendingRequests(this.database.jdbc);
		ProvisioningSettings settings = Worker.settings(PAUSED, 10, Duration.ofMinutes(30));
		TrunkRequest stale = requests.claim(List.of(requestId), settings).get(0);
		this.database.expireLease(requestId);
		TrunkRequest latest = requests.claim(List.of(requestId), settings).get(0);

		Map<UUID, TrunkProvisioned> committed = requests
			.commitProvisioned(List.of(new Provisioned(stale, "ST_stale_in", "ST_stale_out", "[]")));
		Optional<TrunkProvisioningFailed> failed = requests.commitFailed(stale, "voice_infrastructure_rejected", "[]");
		Set<UUID> renewed = requests.renew(Map.of(requestId, stale.attempts()), PAUSED);

		assertThat(committed).isEmpty();
		assertThat(failed).isEmpty();
		assertThat(renewed).isEmpty();
		assertThat(this.database.status(requestId)).isEqualTo("pending");
		assertThat(this.database.committedTrunks(requestId)).isEmpty();
		assertThat(requests.renew(Map.of(requestId, latest.attempts()), PAUSED)).containsExactly(requestId);
		assertThat(requests.commitProvisioned(List.of(new Provisioned(latest, "ST_in", "ST_out", "[]"))))
			.containsOnlyKeys(requestId);
		assertThat(this.database.committedTrunks(requestId)).containsExactly(List.of("ST_in", "ST_out"));
	}

	@Test
	void aStaleAttemptThatLiveKitFailsDeletesNothingTheAttemptThatTookItOverCommitted() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		this.first = Worker.start(this.database, this.liveKit, PAUSED);
		this.second = Worker.start(this.database, this.liveKit, PAUSED);
		HeldCreate slowInbound = this.liveKit.holdNextCreate(INBOUND);
		this.liveKit.refuseNextCreate(OUTBOUND, "address refused");
		CompletableFuture<Map<UUID, RuntimeException>> stale = CompletableFuture
			.supplyAsync(() -> this.first.provision(requestId));
		await().atMost(10, SECONDS).until(() -> slowInbound.arrived() && this.liveKit.creates(OUTBOUND) == 1);
		this.database.expireLease(requestId);
		assertThat(this.second.provision(requestId)).isEmpty();

		slowInbound.release();

		assertThat(stale.join()).isEmpty();
		assertThat(this.database.status(requestId)).isEqualTo("provisioned");
		assertThat(this.database.committedTrunks(requestId)).singleElement()
			.satisfies((ids) -> assertThat(this.liveKit.trunkIds()).containsAll(ids));
		assertThat(this.first.published()).noneMatch(TrunkProvisioningFailed.class::isInstance);
	}

	@Test
	void aStaleAttemptThatSucceedsCannotCommitOverTheAttemptThatTookItOver() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		this.first = Worker.start(this.database, this.liveKit, PAUSED);
		this.second = Worker.start(this.database, this.liveKit, PAUSED);
		List<HeldCreate> firstCreates = List.of(this.liveKit.holdNextCreate(INBOUND),
				this.liveKit.holdNextCreate(OUTBOUND));
		CompletableFuture<Map<UUID, RuntimeException>> stale = CompletableFuture
			.supplyAsync(() -> this.first.provision(requestId));
		await().atMost(10, SECONDS).until(() -> firstCreates.stream().allMatch(HeldCreate::arrived));
		this.database.expireLease(requestId);
		List<HeldCreate> secondCreates = List.of(this.liveKit.holdNextCreate(INBOUND),
				this.liveKit.holdNextCreate(OUTBOUND));
		CompletableFuture<Map<UUID, RuntimeException>> latest = CompletableFuture
			.supplyAsync(() -> this.second.provision(requestId));
		await().atMost(10, SECONDS).until(() -> secondCreates.stream().allMatch(HeldCreate::arrived));

		firstCreates.forEach(HeldCreate::release);
		assertThat(stale.join()).isEmpty();
		secondCreates.forEach(HeldCreate::release);
		assertThat(latest.join()).isEmpty();

		assertThat(this.first.published()).isEmpty();
		ProvisioningOutcome outcome = this.second.published().get(0);
		assertThat(outcome).isInstanceOfSatisfying(TrunkProvisioned.class, (provisioned) -> {
			List<String> ids = List.of(provisioned.inboundTrunkId(), provisioned.outboundTrunkId());
			assertThat(this.database.committedTrunks(requestId)).containsExactly(ids);
			assertThat(this.liveKit.trunkIds()).containsAll(ids);
		});
		assertThat(this.database.history(requestId)).contains("\"attempt\": 2").doesNotContain("\"attempt\": 1");
	}

	@Test
	void reusesOneTrunkEarlierAttemptsMadeAndLeavesTheOthersAlone() {
		String extension = ProvisioningDatabase.nextExtension();
		UUID requestId = this.database.pendingRequest(extension);
		String marker = this.database.markerOf(requestId);
		// Two earlier attempts each made an inbound trunk; either may still be about to
		// commit it.
		String one = this.liveKit.existing(INBOUND, marker, extension);
		String other = this.liveKit.existing(INBOUND, marker, extension);
		this.database.update("UPDATE provisioning_requests SET attempts = 2, lease_until = now() - interval '1 second' "
				+ "WHERE id = ?", requestId);
		this.first = Worker.start(this.database, this.liveKit, PAUSED);

		assertThat(this.first.provision(requestId)).isEmpty();

		assertThat(this.database.committedTrunks(requestId)).singleElement()
			.satisfies((ids) -> assertThat(ids.get(0)).isIn(one, other));
		assertThat(this.liveKit.trunkIds(INBOUND)).containsExactly(one, other);
		assertThat(this.liveKit.creates(INBOUND)).isZero();
	}

	@Test
	void renewsTheLeaseWhileTheCreatesWaitSoNoOtherWorkerTakesTheRequestOver() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		this.first = Worker.start(this.database, this.liveKit, Duration.ofSeconds(3));
		this.second = Worker.start(this.database, this.liveKit, Duration.ofSeconds(3));
		HeldCreate slowInbound = this.liveKit.holdNextCreate(INBOUND);
		CompletableFuture<Map<UUID, RuntimeException>> attempt = CompletableFuture
			.supplyAsync(() -> this.first.provision(requestId));
		await().atMost(10, SECONDS).until(slowInbound::arrived);
		Instant firstLease = this.database.leaseUntil(requestId);

		await().atMost(20, SECONDS).until(() -> this.database.hasPassed(firstLease));
		assertThat(this.second.provision(requestId)).isEmpty();

		assertThat(this.database.attempts(requestId)).isEqualTo(1);
		slowInbound.release();
		assertThat(attempt.join()).isEmpty();
		assertThat(this.database.status(requestId)).isEqualTo("provisioned");
		assertThat(this.database.attempts(requestId)).isEqualTo(1);
		assertThat(this.second.published()).isEmpty();
	}

	@Test
	void stopsAnAttemptBeforeItsNextCallOnceAnotherTookItsRequestOver() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		// One create at a time: the outbound create waits in the pool behind the inbound.
		this.first = Worker.start(this.database, this.liveKit, Worker.settings(PAUSED, 10, Duration.ofMinutes(30)), 1);
		this.second = Worker.start(this.database, this.liveKit, PAUSED);
		HeldCreate slowInbound = this.liveKit.holdNextCreate(INBOUND);
		CompletableFuture<Map<UUID, RuntimeException>> stale = CompletableFuture
			.supplyAsync(() -> this.first.provision(requestId));
		await().atMost(10, SECONDS).until(slowInbound::arrived);
		this.database.expireLease(requestId);
		assertThat(this.second.provision(requestId)).isEmpty();

		this.first.leases.renew();
		slowInbound.release();

		assertThat(stale.join()).isEmpty();
		assertThat(this.liveKit.creates(OUTBOUND)).isEqualTo(1);
		assertThat(this.first.published()).isEmpty();
		assertThat(this.database.committedTrunks(requestId)).singleElement()
			.satisfies((ids) -> assertThat(this.liveKit.trunkIds()).containsAll(ids));
	}

}
