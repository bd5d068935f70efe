package io.trunkline.worker.provisioning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trunks of a batch's requests are committed together, and one request at a time when
 * that fails, so that one request the database refuses does not hold the others back.
 */
class BatchCommitTests {

	final InMemoryTrunkRequests requests = new InMemoryTrunkRequests();

	final FakeLiveKit liveKit = new FakeLiveKit();

	@RegisterExtension
	final Worker worker = Worker.inMemory(this.requests, this.liveKit);

	@Test
	void commitsTheTrunksOfABatchTogether() {
		List<UUID> batch = List.of(this.requests.pendingRequest("1001"), this.requests.pendingRequest("1002"),
				this.requests.pendingRequest("1003"));

		Map<UUID, RuntimeException> failures = this.worker.provision(batch);

		assertThat(failures).isEmpty();
		assertThat(this.requests.commitSizes()).containsExactly(3);
		assertThat(batch)
			.allSatisfy((requestId) -> assertThat(this.requests.status(requestId)).isEqualTo("provisioned"));
		assertThat(this.worker.published()).extracting(ProvisioningOutcome::requestId)
			.containsExactlyInAnyOrderElementsOf(batch);
	}

	@Test
	void commitsRequestsOneByOneWhenTheBatchCommitFails() {
		UUID first = this.requests.pendingRequest("1001");
		UUID refused = this.requests.pendingRequest("1002");
		UUID last = this.requests.pendingRequest("1003");
		this.requests.refuseTrunkOf(refused);

		Map<UUID, RuntimeException> failures = this.worker.provision(List.of(first, refused, last));

		assertThat(this.requests.commitSizes()).containsExactly(3, 1, 1, 1);
		assertThat(this.requests.status(first)).isEqualTo("provisioned");
		assertThat(this.requests.status(last)).isEqualTo("provisioned");
		assertThat(this.worker.published()).allMatch(TrunkProvisioned.class::isInstance)
			.extracting(ProvisioningOutcome::requestId)
			.containsExactlyInAnyOrder(first, last);
		assertThat(failures).containsOnlyKeys(refused);
		assertThat(failures.get(refused)).hasMessageContaining("refused the trunk of request " + refused);
	}

	@Test
	void leavesTheRequestItCouldNotCommitPendingWithItsTrunksForTheNextAttempt() {
		UUID first = this.requests.pendingRequest("1001");
		UUID refused = this.requests.pendingRequest("1002");
		this.requests.refuseTrunkOf(refused);

		this.worker.provision(List.of(first, refused));

		assertThat(this.requests.status(refused)).isEqualTo("pending");
		assertThat(this.requests.committedTrunk(refused)).isEmpty();
		assertThat(this.liveKit.trunkIds()).hasSize(4);
	}

}
