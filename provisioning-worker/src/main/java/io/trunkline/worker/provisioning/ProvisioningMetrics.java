package io.trunkline.worker.provisioning;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;

import org.springframework.stereotype.Component;

/**
 * What provisioning counts and times: the size of each batch, each outcome with the time
 * from claim to commit, the requests given up, and the LiveKit trunks removed by
 * compensation.
 */
@Component
class ProvisioningMetrics {

	private final MeterRegistry meters;

	private final DistributionSummary batches;

	private final Timer claims;

	ProvisioningMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.batches = DistributionSummary.builder("trunkline.provisioning.batch")
			.description("Requests provisioned together (the records of one poll)")
			.register(meters);
		this.claims = Timer.builder("trunkline.provisioning.claim")
			.description("Claiming the requests of one poll: one UPDATE and its commit")
			.register(meters);
	}

	/**
	 * @param nanos how long claiming one poll's requests took
	 */
	void claimed(long nanos) {
		this.claims.record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * @param requests how many requests one poll brought
	 */
	void batch(int requests) {
		this.batches.record(requests);
	}

	/**
	 * @param outcome an outcome this worker committed
	 * @param nanos how long after its claim
	 */
	void ended(ProvisioningOutcome outcome, long nanos) {
		String result = (outcome instanceof TrunkProvisioned) ? "provisioned" : "failed";
		String reason = (outcome instanceof TrunkProvisioningFailed failed) ? failed.reason() : "none";
		Timer.builder("trunkline.provisioning.duration")
			.description("Time from claiming a request to committing its outcome")
			.tag("result", result)
			.register(this.meters)
			.record(nanos, TimeUnit.NANOSECONDS);
		Counter.builder("trunkline.provisioning.outcomes")
			.description("Provisioning outcomes by result and reason")
			.tag("result", result)
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

	/**
	 * @param reason why a request past its bounds on attempts or age was failed
	 */
	void abandoned(String reason) {
		Counter.builder("trunkline.provisioning.abandoned")
			.description("Requests failed because they went past their bounds on attempts or age")
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

	/**
	 * Counts a LiveKit trunk deleted because its request failed or was duplicated.
	 */
	void compensated() {
		Counter.builder("trunkline.provisioning.compensations")
			.description("LiveKit trunks deleted because their request failed or was duplicated")
			.register(this.meters)
			.increment();
	}

}
