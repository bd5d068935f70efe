package io.trunkline.worker.provisioning;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.trunkline.schema.Topics;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes committed outcomes, keyed by request id, and waits for the broker's
 * acknowledgement so that the request event is only acknowledged once its outcome is out.
 * An outcome lost to a crash is announced again when the request event is redelivered.
 */
@Component
class OutcomePublisher {

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final ProvisioningSettings settings;

	OutcomePublisher(KafkaTemplate<String, String> kafka, JsonMapper json, ProvisioningSettings settings) {
		this.kafka = kafka;
		this.json = json;
		this.settings = settings;
	}

	void publish(ProvisioningOutcome outcome) {
		String payload = this.json.writerFor(ProvisioningOutcome.class).writeValueAsString(outcome);
		try {
			this.kafka.send(Topics.PROVISIONING_OUTCOMES, outcome.requestId().toString(), payload)
				.get(this.settings.outcomeSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing an outcome", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the outcome of " + outcome.requestId(), ex);
		}
	}

}
