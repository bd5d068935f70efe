package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.schema.Topics;
import io.trunkline.schema.provisioning.ProvisionTrunk;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Hands the provisioning commands of one poll to {@link Provisioning} together, and
 * acknowledges them only once their outcomes are committed and published.
 * <p>
 * A record that fails (unreadable, or its request not seen through) is reported to the
 * one error handler (see the messaging package) by its index: the records before it are
 * acknowledged, it is retried or parked, and the ones after it are delivered again (those
 * already ended only have their outcome announced again). Every record before an
 * unreadable one is provisioned first.
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

	@KafkaListener(id = "provisioning", idIsGroup = false, topics = Topics.PROVISIONING_REQUESTS, batch = "true")
	void onProvisionTrunks(List<ConsumerRecord<String, String>> records, Acknowledgment acknowledgment) {
		List<UUID> requestIds = new ArrayList<>(records.size());
		RuntimeException unreadable = null;
		for (ConsumerRecord<String, String> record : records) {
			try {
				ProvisionTrunk command = this.json.readValue(record.value(), ProvisionTrunk.class);
				this.pickup.record(Duration.between(command.requestedAt(), Instant.now()));
				requestIds.add(command.requestId());
			}
			catch (JacksonException | IllegalArgumentException ex) {
				unreadable = ex;
				break;
			}
		}
		Map<UUID, RuntimeException> failures;
		try {
			failures = requestIds.isEmpty() ? Map.of() : this.provisioning.provision(requestIds);
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException("The requests of this poll could not be claimed", ex, 0);
		}
		for (int index = 0; index < requestIds.size(); index++) {
			RuntimeException failure = failures.get(requestIds.get(index));
			if (failure != null) {
				throw new BatchListenerFailedException("Request " + requestIds.get(index) + " was not seen through",
						failure, index);
			}
		}
		if (unreadable != null) {
			throw new BatchListenerFailedException("Unreadable provisioning command", unreadable, requestIds.size());
		}
		acknowledgment.acknowledge();
	}

}
