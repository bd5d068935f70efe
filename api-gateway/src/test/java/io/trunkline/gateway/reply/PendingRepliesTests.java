package io.trunkline.gateway.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRepliesTests {

	SimpleMeterRegistry meters = new SimpleMeterRegistry();

	PendingReplies replies = new PendingReplies(new ReplySettings(Duration.ofSeconds(25), Duration.ofSeconds(1), 2),
			this.meters);

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
		assertThat(this.meters.get("trunkline.replies.declined").counter().count()).isEqualTo(1);

		this.replies.forget(first);
		assertThat(this.replies.await(UUID.randomUUID(), (outcome) -> {
		})).isTrue();
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

}
