package io.trunkline.gateway.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRepliesTests {

	SimpleMeterRegistry meters = new SimpleMeterRegistry();

	PendingReplies replies = new PendingReplies(new ReplySettings(Duration.ofSeconds(25), Duration.ofSeconds(1), 2),
			this.meters);

	@BeforeEach
	void outcomesArrive() {
		this.replies.outcomesArrive(true);
	}

	@Test
	void holdsAtMostTheAllowedNumberOfWaitingCreates() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();

		assertThat(this.replies.await(first, (outcome) -> {
		})).isTrue();
		assertThat(this.replies.await(second, (outcome) -> {
		})).isTrue();
		assertThat(this.replies.await(UUID.randomUUID(), (outcome) -> {
		})).isFalse();
		assertThat(declined("max_waiting")).isEqualTo(1);

		this.replies.forget(first);
		assertThat(this.replies.await(UUID.randomUUID(), (outcome) -> {
		})).isTrue();
	}

	@Test
	void holdsNoCreateWhileNoOutcomeCanArrive() {
		this.replies.outcomesArrive(false);

		boolean waits = this.replies.await(UUID.randomUUID(), (outcome) -> {
		});

		assertThat(waits).isFalse();
		assertThat(declined("kafka_unreachable")).isEqualTo(1);
		assertThat(declined("max_waiting")).isZero();
	}

	@Test
	void aDeliveredOutcomeFreesItsPlace() {
		UUID request = UUID.randomUUID();
		List<ProvisioningOutcome> delivered = new ArrayList<>();
		this.replies.await(request, delivered::add);
		this.replies.await(UUID.randomUUID(), (outcome) -> {
		});
		ProvisioningOutcome outcome = TrunkProvisioningFailed.of(request, 1, "voice_infrastructure_rejected",
				Instant.now());

		assertThat(this.replies.deliver(outcome)).isTrue();

		assertThat(delivered).containsExactly(outcome);
		assertThat(this.replies.isWaiting(request)).isFalse();
		assertThat(this.replies.await(UUID.randomUUID(), (outcome2) -> {
		})).isTrue();
	}

	@Test
	void answersOnceWhenTheSameOutcomeArrivesTwice() {
		UUID request = UUID.randomUUID();
		List<ProvisioningOutcome> delivered = new ArrayList<>();
		this.replies.await(request, delivered::add);
		ProvisioningOutcome outcome = TrunkProvisioningFailed.of(request, 1, "voice_infrastructure_rejected",
				Instant.now());

		boolean first = this.replies.deliver(outcome);
		boolean again = this.replies.deliver(outcome);

		assertThat(first).isTrue();
		assertThat(again).isFalse();
		assertThat(delivered).containsExactly(outcome);
	}

	private double declined(String reason) {
		return this.meters.get("trunkline.replies.declined").tag("reason", reason).counter().count();
	}

}
