package io.trunkline.worker.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.trunkline.schema.Topics;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes committed outcomes, keyed by request id, and waits for the broker's
 * acknowledgements so that a request event is only acknowledged once its outcome is out.
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

	/**
	 * Sends every outcome, then waits for the broker to acknowledge them (all of them in
	 * flight at once, so the producer batches them).
	 * @return the outcomes Kafka did not acknowledge in time, by request id, with the
	 * reason
	 */
	Map<UUID, RuntimeException> publish(List<ProvisioningOutcome> outcomes) {
		Map<UUID, CompletableFuture<?>> sent = new LinkedHashMap<>();
		Map<UUID, RuntimeException> failures = new LinkedHashMap<>();
		ObjectWriter writer = this.json.writerFor(ProvisioningOutcome.class);
		for (ProvisioningOutcome outcome : outcomes) {
			String payload = writer.writeValueAsString(outcome);
			try {
				sent.put(outcome.requestId(),
						this.kafka.send(Topics.PROVISIONING_OUTCOMES, outcome.requestId().toString(), payload));
			}
			catch (RuntimeException ex) {
				failures.put(outcome.requestId(), ex);
			}
		}
		long deadline = System.nanoTime() + this.settings.outcomeSendTimeout().toNanos();
		for (Map.Entry<UUID, CompletableFuture<?>> send : sent.entrySet()) {
			try {
				send.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failures.put(send.getKey(), new IllegalStateException("Interrupted while publishing an outcome", ex));
			}
			catch (ExecutionException | TimeoutException ex) {
				failures.put(send.getKey(),
						new IllegalStateException("Kafka did not acknowledge the outcome of " + send.getKey(), ex));
			}
		}
		return failures;
	}

}
