package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.schema.Topics;
import io.trunkline.schema.provisioning.ProvisionTrunk;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Hands each provisioning command to {@link Provisioning} and acknowledges it only once
 * the outcome is committed and published. Failures go to the one error handler (see the
 * messaging package).
 */
@Component
class ProvisionTrunkListener {

	private final Provisioning provisioning;

	private final JsonMapper json;

	private final Timer pickup;

	ProvisionTrunkListener(Provisioning provisioning, JsonMapper json, MeterRegistry meters) {
		this.provisioning = provisioning;
		this.json = json;
		this.pickup = Timer.builder("trunkline.provisioning.pickup")
			.description("From the gateway issuing a command to a worker receiving it: commit, relay and the Kafka hop "
					+ "(clocks of different hosts add their skew)")
			.register(meters);
	}

	@KafkaListener(id = "provisioning", idIsGroup = false, topics = Topics.PROVISIONING_REQUESTS)
	void onProvisionTrunk(String payload, Acknowledgment acknowledgment) {
		ProvisionTrunk command = this.json.readValue(payload, ProvisionTrunk.class);
		this.pickup.record(Duration.between(command.requestedAt(), Instant.now()));
		this.provisioning.provision(command.requestId());
		acknowledgment.acknowledge();
	}

}
