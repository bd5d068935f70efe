package io.trunkline.worker.provisioning;

import java.util.UUID;

import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.trunkline.worker.voice.ExistingTrunk.Direction.INBOUND;
import static io.trunkline.worker.voice.ExistingTrunk.Direction.OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that LiveKit fails ends failed with the reason LiveKit gave, and with nothing
 * of it left on LiveKit: what the other create made, and what earlier attempts left.
 */
class CompensationTests {

	final InMemoryTrunkRequests requests = new InMemoryTrunkRequests();

	final FakeLiveKit liveKit = new FakeLiveKit();

	@RegisterExtension
	final Worker worker = Worker.inMemory(this.requests, this.liveKit);

	@Test
	void compensatesInboundTrunkWhenOutboundFails() {
		UUID requestId = this.requests.pendingRequest("1001");
		this.liveKit.refuseNextCreate(OUTBOUND, "address refused");

		assertThat(this.worker.provision(requestId)).isEmpty();

		assertThat(this.liveKit.creates(INBOUND)).isEqualTo(1);
		assertThat(this.liveKit.trunkIds()).isEmpty();
		assertThat(this.requests.status(requestId)).isEqualTo("failed");
		assertThat(this.requests.failureReason(requestId)).isEqualTo("voice_infrastructure_rejected");
		assertThat(this.worker.published()).singleElement()
			.isInstanceOfSatisfying(TrunkProvisioningFailed.class,
					(failed) -> assertThat(failed.reason()).isEqualTo("voice_infrastructure_rejected"));
		assertThat(compensations()).isEqualTo(1);
	}

	@Test
	void commitsTheFailureWithLiveKitsCodeAndMessageBeforeItCompensates() {
		UUID requestId = this.requests.pendingRequest("1001");
		this.liveKit.refuseNextCreate(OUTBOUND, "address refused");

		this.worker.provision(requestId);

		assertThat(this.requests.history(requestId)).singleElement()
			.asString()
			.contains("\"attempt\":1", "\"result\":\"failed\"", "\"reason\":\"voice_infrastructure_rejected\"",
					"\"code\":\"invalid_argument\"", "\"detail\":\"invalid_argument: address refused\"");
	}

	@Test
	void alsoRemovesTheTrunksEarlierAttemptsLeftWhenItFails() {
		UUID requestId = this.requests.pendingRequest("1001");
		String reused = this.liveKit.existing(INBOUND, this.requests.markerOf(requestId), "1001");
		String leftBehind = this.liveKit.existing(INBOUND, this.requests.markerOf(requestId), "1001");
		this.requests.triedBefore(requestId, 1);
		this.liveKit.refuseNextCreate(OUTBOUND, "address refused");

		this.worker.provision(requestId);

		assertThat(this.liveKit.creates(INBOUND)).isZero();
		assertThat(this.liveKit.trunkIds()).doesNotContain(reused, leftBehind).isEmpty();
		assertThat(this.requests.failureReason(requestId)).isEqualTo("voice_infrastructure_rejected");
		assertThat(compensations()).isEqualTo(2);
	}

	@Test
	void neverRemovesATrunkWithoutTheRequestsMarker() {
		UUID requestId = this.requests.pendingRequest("1001");
		String someoneElses = this.liveKit.existing(INBOUND, "{\"owner\":\"someone else\"}", "1001");
		String anotherRequests = this.liveKit.existing(INBOUND, this.requests.markerOf(UUID.randomUUID()), "1001");
		this.requests.triedBefore(requestId, 1);
		this.liveKit.refuseNextCreate(OUTBOUND, "address refused");

		this.worker.provision(requestId);

		assertThat(this.requests.status(requestId)).isEqualTo("failed");
		assertThat(this.liveKit.trunkIds()).containsExactly(someoneElses, anotherRequests);
	}

	private double compensations() {
		return this.worker.meters.get("trunkline.provisioning.compensations").counter().count();
	}

}
