package io.trunkline.worker.provisioning;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;

/**
 * The trunk requests as provisioning claims and ends them. A claim's attempt number is
 * its fencing token: every renewal, commit and failure names it, and changes nothing once
 * the request's attempt count has moved on. {@link PendingRequests} keeps them in
 * PostgreSQL.
 * <p>
 * An abstract class rather than an interface, so that these operations stay within the
 * provisioning package.
 */
abstract class TrunkRequests {

	/**
	 * Claims every request of the batch that is pending and free. A claim that goes past
	 * the request's bounds (counted from its creation or last replay) is still taken, so
	 * that the request is given up under a fencing token of its own.
	 * @param requestIds the requests
	 * @param settings the lease and the bounds on attempts and age
	 * @return the claimed requests; the others ended, are claimed by another worker, or
	 * do not exist ({@link #standingOf})
	 */
	abstract List<TrunkRequest> claim(Collection<UUID> requestIds, ProvisioningSettings settings);

	/**
	 * Extends the leases of claims that are still the latest of their requests.
	 * @param held the claims' attempt numbers by request id
	 * @param lease how long from now the leases last
	 * @return the requests whose lease was extended; the others ended, or a later claim
	 * took them over
	 */
	abstract Set<UUID> renew(Map<UUID, Integer> held, Duration lease);

	/**
	 * Tells which of a request's LiveKit trunks may be deleted now, right before they
	 * are: none while the request is pending (the attempt that holds it may be about to
	 * commit them), and never one that a committed trunk references.
	 * @param requestId the request whose marker the trunks carry
	 * @param trunkIds the trunks
	 * @return those that may be deleted
	 */
	abstract Set<String> removable(UUID requestId, Collection<String> trunkIds);

	/**
	 * @param requestIds requests a worker could not claim
	 * @return where each stands; a request that does not exist is
	 * {@link RequestState#MISSING}
	 */
	abstract Map<UUID, Standing> standingOf(Collection<UUID> requestIds);

	/**
	 * @param requestId a request
	 * @return its outcome, if it ended
	 */
	Optional<ProvisioningOutcome> outcomeOf(UUID requestId) {
		return Optional.ofNullable(standingOf(List.of(requestId)).get(requestId).outcome());
	}

	/**
	 * Commits the trunks of every request that is still pending under the claim that made
	 * them, all or none: the trunks and the requests' new status, fenced by each claim's
	 * attempt number (a request that another claim took over or ended meanwhile is left
	 * out).
	 * @return the committed outcomes by request id; a request missing from it is no
	 * longer this claim's
	 */
	abstract Map<UUID, TrunkProvisioned> commitProvisioned(List<Provisioned> provisioned);

	/**
	 * Marks the request failed, if it is still pending under this claim (fenced by its
	 * attempt number).
	 * @param request the request as this claim took it
	 * @param reason the failure reason
	 * @param historyEntry the attempt's history entry (a JSON array of one)
	 * @return the committed outcome, or empty when another claim took the request over or
	 * it had already ended
	 */
	abstract Optional<TrunkProvisioningFailed> commitFailed(TrunkRequest request, String reason, String historyEntry);

	/**
	 * Where a request stands.
	 *
	 * @param requestId the request
	 * @param state its state
	 * @param outcome its outcome when {@link RequestState#COMPLETED}, else {@code null}
	 */
	record Standing(UUID requestId, RequestState state, ProvisioningOutcome outcome) {
	}

	/**
	 * A request whose two LiveKit trunks exist, ready to be committed.
	 *
	 * @param request the claimed request
	 * @param inboundTrunkId its inbound trunk
	 * @param outboundTrunkId its outbound trunk
	 * @param historyEntry the attempt's history entry (a JSON array of one)
	 */
	record Provisioned(TrunkRequest request, String inboundTrunkId, String outboundTrunkId, String historyEntry) {
	}

}
