package io.trunkline.gateway.reply;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.trunkline.schema.provisioning.ProvisioningOutcome;

import org.springframework.stereotype.Component;

/**
 * The create requests this replica holds open, each waiting for its outcome. Waiting
 * costs no thread: the servlet request is asynchronous and the entry here is a callback.
 */
@Component
public class PendingReplies {

	private final Map<UUID, Consumer<ProvisioningOutcome>> waiting = new ConcurrentHashMap<>();

	private final int maxWaiting;

	private final Counter declinedAsFull;

	private final Counter declinedWithoutKafka;

	private volatile boolean outcomesArrive;

	PendingReplies(ReplySettings settings, MeterRegistry meters) {
		this.maxWaiting = settings.maxWaiting();
		Gauge.builder("trunkline.replies.waiting", this.waiting, Map::size)
			.description("Create requests waiting for their provisioning outcome on this replica")
			.register(meters);
		this.declinedAsFull = declined(meters, "max_waiting");
		this.declinedWithoutKafka = declined(meters, "kafka_unreachable");
	}

	private static Counter declined(MeterRegistry meters, String reason) {
		return Counter.builder("trunkline.replies.declined")
			.description("Creates answered 202 at once: trunkline.reply.max-waiting creates were already waiting on "
					+ "this replica (max_waiting), or no outcome could reach it (kafka_unreachable)")
			.tag("reason", reason)
			.register(meters);
	}

	/**
	 * Registers interest in a request's outcome, unless no outcome can arrive (Kafka is
	 * unreachable, or outcomes are not read yet) or as many requests as allowed are
	 * already waiting here (the bound is approximate under races, by a few). Call before
	 * the request can possibly complete.
	 * @param requestId the request
	 * @param onOutcome called once, on a consumer thread, when the outcome arrives
	 * @return whether the request waits; when not, it should be answered at once
	 */
	public boolean await(UUID requestId, Consumer<ProvisioningOutcome> onOutcome) {
		if (!this.outcomesArrive) {
			// Waiting would end in the same 202, only a reply timeout later, holding a
			// connection and a place meanwhile.
			this.declinedWithoutKafka.increment();
			return false;
		}
		if (this.waiting.size() >= this.maxWaiting) {
			this.declinedAsFull.increment();
			return false;
		}
		this.waiting.put(requestId, onOutcome);
		return true;
	}

	/**
	 * Tells whether outcomes reach this replica: set by the outcome consumer when it
	 * reads them and the broker is reachable, cleared when either stops.
	 * @param arrive whether outcomes arrive
	 */
	void outcomesArrive(boolean arrive) {
		this.outcomesArrive = arrive;
	}

	/**
	 * Stops waiting for a request (answered, timed out or refused).
	 * @param requestId the request
	 */
	public void forget(UUID requestId) {
		this.waiting.remove(requestId);
	}

	/**
	 * @param requestId a request
	 * @return whether a request is waiting for that outcome on this replica
	 */
	boolean isWaiting(UUID requestId) {
		return this.waiting.containsKey(requestId);
	}

	/**
	 * Delivers an outcome to the waiting request, if this replica holds it.
	 * @param outcome the outcome
	 * @return whether a request was waiting for it here
	 */
	boolean deliver(ProvisioningOutcome outcome) {
		Consumer<ProvisioningOutcome> callback = this.waiting.remove(outcome.requestId());
		if (callback == null) {
			return false;
		}
		callback.accept(outcome);
		return true;
	}

}
