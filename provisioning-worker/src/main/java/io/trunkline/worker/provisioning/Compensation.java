package io.trunkline.worker.provisioning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.trunkline.worker.voice.ResilientCalls;
import io.trunkline.worker.voice.VoiceInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Removes a request's LiveKit trunks, only after the write that justifies it has won:
 * this attempt committed the request's failure, or another attempt ended the request. A
 * trunk that a committed trunk references, or that belongs to a request pending again, is
 * never deleted (checked in the database right before deleting). Whatever cannot be
 * removed now (LiveKit down) the reconciler removes later.
 */
@Component
class Compensation {

	private static final Logger logger = LoggerFactory.getLogger(Compensation.class);

	private final TrunkRequests requests;

	private final VoiceInfrastructure voice;

	private final ResilientCalls resilient;

	private final MarkedTrunks marked;

	private final ProvisioningMetrics metrics;

	Compensation(TrunkRequests requests, VoiceInfrastructure voice, ResilientCalls resilient, MarkedTrunks marked,
			ProvisioningMetrics metrics) {
		this.requests = requests;
		this.voice = voice;
		this.resilient = resilient;
		this.marked = marked;
		this.metrics = metrics;
	}

	/**
	 * Removes every trunk carrying the request's marker, once this attempt committed its
	 * failure: those this attempt made, and those found by number that an unknown-outcome
	 * create or an earlier attempt may have made.
	 * @param request the failed request
	 * @param made the trunks this attempt made
	 */
	void afterFailure(TrunkRequest request, Set<String> made) {
		Set<String> doomed = new LinkedHashSet<>(made);
		try {
			this.marked.lookFor(request, doomed);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not look for leftover trunks of request {} ({}); the reconciler will", request.id(),
					ex.toString());
		}
		Set<String> removable;
		try {
			removable = this.requests.removable(request.id(), doomed);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check which LiveKit trunks {} of failed request {} may go ({}); the reconciler will",
					doomed, request.id(), ex.toString());
			return;
		}
		for (String id : doomed) {
			if (removable.contains(id)) {
				delete(request, id);
			}
			else {
				logger.warn("Keeping LiveKit trunk {} of failed request {}: a committed trunk references it or the "
						+ "request is pending again", id, request.id());
			}
		}
	}

	/**
	 * Removes the trunks this attempt made for a request that another attempt ended
	 * meanwhile, except any that a committed trunk references (the winner may have reused
	 * one).
	 * @param request the request another attempt ended
	 * @param ours the trunks this attempt made
	 * @throws RuntimeException when the database cannot tell which may go (nothing is
	 * deleted then)
	 */
	void afterTakeOver(TrunkRequest request, List<String> ours) {
		Set<String> removable = this.requests.removable(request.id(), ours);
		ours.stream().filter(removable::contains).forEach((id) -> delete(request, id));
	}

	private void delete(TrunkRequest request, String trunkId) {
		try {
			this.resilient.callOnce(() -> this.voice.deleteTrunk(trunkId));
			this.metrics.compensated();
			logger.info("Deleted LiveKit trunk {} of request {}", trunkId, request.id());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete LiveKit trunk {} of request {} ({}); the reconciler will", trunkId,
					request.id(), ex.toString());
		}
	}

}
