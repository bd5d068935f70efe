package io.trunkline.worker.provisioning;

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

	ProvisionTrunkListener(Provisioning provisioning, JsonMapper json) {
		this.provisioning = provisioning;
		this.json = json;
	}

	@KafkaListener(id = "provisioning", idIsGroup = false, topics = Topics.PROVISIONING_REQUESTS)
	void onProvisionTrunk(String payload, Acknowledgment acknowledgment) {
		ProvisionTrunk command = this.json.readValue(payload, ProvisionTrunk.class);
		this.provisioning.provision(command.requestId());
		acknowledgment.acknowledge();
	}

}
