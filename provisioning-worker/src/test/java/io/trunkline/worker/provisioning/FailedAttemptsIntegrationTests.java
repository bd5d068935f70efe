package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.trunkline.worker.voice.ExistingTrunk.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attempt that LiveKit fails: its failure is committed, then the request's trunks are
 * removed, and its history keeps LiveKit's code and a bounded message.
 */
class FailedAttemptsIntegrationTests {

	final ProvisioningDatabase database = ProvisioningDatabase.shared();

	final FakeLiveKit liveKit = new FakeLiveKit();

	final Worker worker = Worker.start(this.database, this.liveKit, Duration.ofMinutes(1));

	@AfterEach
	void stopWorker() {
		this.worker.close();
	}

	@Test
	void commitsTheFailureThenRemovesTheTrunkTheOtherCreateMade() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		this.liveKit.refuseNextCreate(OUTBOUND, "address refused");

		this.worker.provision(requestId);

		assertThat(this.database.status(requestId)).isEqualTo("failed");
		assertThat(this.database.failureReason(requestId)).isEqualTo("voice_infrastructure_rejected");
		assertThat(this.liveKit.trunkIds()).isEmpty();
		JsonNode entry = lastHistoryEntry(requestId);
		assertThat(entry.get("reason").asString()).isEqualTo("voice_infrastructure_rejected");
		assertThat(entry.get("code").asString()).isEqualTo("invalid_argument");
		assertThat(entry.get("detail").asString()).isEqualTo("invalid_argument: address refused");
	}

	@Test
	void keepsABoundedDetailOfWhatLiveKitSaid() {
		UUID requestId = this.database.pendingRequest(ProvisioningDatabase.nextExtension());
		this.liveKit.refuseNextCreate(OUTBOUND, "refused ".repeat(500));

		this.worker.provision(requestId);

		assertThat(lastHistoryEntry(requestId).get("detail").asString()).hasSize(AttemptHistory.DETAIL_LIMIT);
	}

	private JsonNode lastHistoryEntry(UUID requestId) {
		JsonNode history = JsonMapper.shared().readTree(this.database.history(requestId));
		return history.get(history.size() - 1);
	}

}
