package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.trunkline.worker.voice.ExistingTrunk.Direction.INBOUND;
import static io.trunkline.worker.voice.ExistingTrunk.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is provisioned for a bounded number of attempts and a bounded time, counted
 * from its creation or its last replay; the claim after them fails it (replayable, like
 * any failure), removes what earlier attempts left on LiveKit, and counts it.
 */
class AttemptBoundsIntegrationTests {

	final ProvisioningDatabase database = ProvisioningDatabase.shared();

	final FakeLiveKit liveKit = new FakeLiveKit();

	final Worker worker = Worker.start(this.database, this.liveKit,
			Worker.settings(Duration.ofMinutes(1), 3, Duration.ofMinutes(30)), 8);

	@AfterEach
	void stopWorker() {
		this.worker.close();
	}

	@Test
	void givesUpARequestWhoseAttemptsAreExhaustedAndRemovesWhatTheyLeft() {
		String extension = ProvisioningDatabase.nextExtension();
		UUID requestId = this.database.pendingRequest(extension);
		String leftBehind = this.liveKit.existing(INBOUND, this.database.markerOf(requestId), extension);
		this.database.update("UPDATE provisioning_requests SET attempts = 3, lease_until = now() - interval '1 second' "
				+ "WHERE id = ?", requestId);

		Map<UUID, RuntimeException> failures = this.worker.provision(requestId);

		assertThat(failures).isEmpty();
		assertThat(this.database.status(requestId)).isEqualTo("failed");
		assertThat(this.database.failureReason(requestId)).isEqualTo("attempts_exhausted");
		assertThat(this.worker.published()).singleElement()
			.isInstanceOfSatisfying(TrunkProvisioningFailed.class,
					(failed) -> assertThat(failed.reason()).isEqualTo("attempts_exhausted"));
		assertThat(this.liveKit.trunkIds()).doesNotContain(leftBehind);
		assertThat(this.liveKit.creates(INBOUND) + this.liveKit.creates(OUTBOUND)).isZero();
		assertThat(abandoned("attempts_exhausted")).isEqualTo(1);
	}

	@Test
	void givesUpARequestPendingForLongerThanItsMaximumAge() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		this.database.update("UPDATE provisioning_requests SET created_at = now() - interval '2 hours' WHERE id = ?",
				requestId);

		this.worker.provision(requestId);

		assertThat(this.database.status(requestId)).isEqualTo("failed");
		assertThat(this.database.failureReason(requestId)).isEqualTo("expired");
		assertThat(this.database.history(requestId)).contains("\"result\": \"failed\"", "\"reason\": \"expired\"");
		assertThat(abandoned("expired")).isEqualTo(1);
	}

	@Test
	void countsTheBoundsOfAReplayedRequestFromItsReplay() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		this.database.update("""
				UPDATE provisioning_requests SET created_at = now() - interval '2 hours', attempts = 7,
				    replayed_at = now(), attempts_at_replay = 7
				WHERE id = ?""", requestId);

		this.worker.provision(requestId);

		assertThat(this.database.status(requestId)).isEqualTo("provisioned");
		assertThat(this.database.attempts(requestId)).isEqualTo(8);
	}

	@Test
	void givesUpARequestThatSomethingOtherThanLiveKitKeepsFailing() {
		String extension = ProvisioningDatabase.nextExtension();
		UUID requestId = this.database.pendingRequest(extension);
		// The database refuses this request's trunk, so every attempt fails after its
		// creates and leaves its claim to expire.
		String function = "refuse_trunk_" + extension;
		this.database.jdbc.sql("""
				CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.phone_number = '%s' THEN RAISE EXCEPTION 'refused by the test'; END IF;
				    RETURN NEW;
				END $$""".formatted(function, extension)).update();
		this.database.jdbc
			.sql("CREATE TRIGGER %s BEFORE INSERT ON sip_trunks FOR EACH ROW EXECUTE FUNCTION %s()".formatted(function,
					function))
			.update();
		try {
			for (int attempt = 1; attempt <= 3; attempt++) {
				assertThat(this.worker.provision(requestId)).containsKey(requestId);
				this.database.expireLease(requestId);
			}

			assertThat(this.worker.provision(requestId)).isEmpty();
		}
		finally {
			this.database.jdbc.sql("DROP TRIGGER %s ON sip_trunks".formatted(function)).update();
			this.database.jdbc.sql("DROP FUNCTION %s()".formatted(function)).update();
		}

		assertThat(this.database.status(requestId)).isEqualTo("failed");
		assertThat(this.database.failureReason(requestId)).isEqualTo("attempts_exhausted");
		assertThat(this.liveKit.creates(INBOUND)).isEqualTo(1);
		assertThat(this.liveKit.trunkIds()).isEmpty();
	}

	private double abandoned(String reason) {
		return this.worker.meters.get("trunkline.provisioning.abandoned").tag("reason", reason).counter().count();
	}

}
