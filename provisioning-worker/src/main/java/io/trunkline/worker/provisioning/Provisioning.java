package io.trunkline.worker.provisioning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import io.trunkline.schema.secret.SecretCipher;
import io.trunkline.schema.secret.SecretCipher.UndecryptableSecret;
import io.trunkline.worker.provisioning.Leases.Lease;
import io.trunkline.worker.provisioning.TrunkRequests.Provisioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Provisions requests: each ends as exactly one committed trunk with exactly two live
 * LiveKit trunks, or as a failure with nothing of it left on LiveKit. The requests of one
 * batch (one poll's records) are provisioned together, so that a busy worker spends one
 * statement on claiming them, one on committing their trunks and one wait on publishing
 * their outcomes, however many there are; each request keeps its own outcome.
 * <ol>
 * <li>Claim the requests (a lease), in one statement. A request that already ended has
 * its outcome announced again: the same event twice provisions once. A claim past the
 * request's bounds on attempts or age gives it up: it is failed, and stays replayable.
 * The claims' leases are renewed until their outcomes are committed
 * ({@link Leases}).</li>
 * <li>Create every claimed request's inbound and outbound trunk concurrently, on the
 * {@link CreatePool}, each under retries and the circuit breaker. A create whose outcome
 * is unknown (timeout, lost response), or any create of a request an earlier worker
 * claimed, first looks for the trunk by number and marker and reuses it
 * ({@link MarkedTrunks}): creates are not idempotent on LiveKit.</li>
 * <li>A request that failed ({@link AttemptFailure}) has its failure committed, then
 * every trunk carrying its marker deleted ({@link Compensation}). The trunks of those
 * that succeeded are committed together, or one by one when that fails.</li>
 * <li>Publish the outcomes, then wait for the broker to acknowledge them all.</li>
 * </ol>
 * Every commit and failure is fenced by the claim's attempt number: an attempt that
 * another one took over (its worker seemed dead long enough for its lease to expire)
 * changes nothing. Deleting trunks only follows a write that won: a failure that this
 * attempt committed, or an outcome another attempt committed; and a trunk that a
 * committed trunk references, or that belongs to a request pending again, is never
 * deleted. What a losing attempt leaves on LiveKit is the winner's to reuse or the
 * reconciler's to remove. Each commit adds the attempt's entry to the request's
 * {@link AttemptHistory}, and each outcome is measured ({@link ProvisioningMetrics}).
 */
@Service
public class Provisioning {

	private static final Logger logger = LoggerFactory.getLogger(Provisioning.class);

	private final TrunkRequests requests;

	private final Leases leases;

	private final CreatePool creates;

	private final MarkedTrunks trunks;

	private final Compensation compensation;

	private final SecretCipher cipher;

	private final ProvisioningSettings settings;

	private final OutcomePublisher outcomes;

	private final AttemptHistory history;

	private final ProvisioningMetrics metrics;

	Provisioning(TrunkRequests requests, Leases leases, CreatePool creates, MarkedTrunks trunks,
			Compensation compensation, SecretCipher cipher, ProvisioningSettings settings, OutcomePublisher outcomes,
			AttemptHistory history, ProvisioningMetrics metrics) {
		this.requests = requests;
		this.leases = leases;
		this.creates = creates;
		this.trunks = trunks;
		this.compensation = compensation;
		this.cipher = cipher;
		this.settings = settings;
		this.outcomes = outcomes;
		this.history = history;
		this.metrics = metrics;
	}

	/**
	 * Provisions the requests that are pending and unclaimed, and announces again the
	 * outcome of those that already ended.
	 * @param requestIds the requests (a request named twice is provisioned once)
	 * @return the requests that could not be seen through because of something other than
	 * LiveKit (the database, Kafka, a bug), with what went wrong; every other request has
	 * its outcome committed and published, or belongs to another worker's claim
	 * @throws RuntimeException when not even the claim could be made (nothing happened)
	 */
	public Map<UUID, RuntimeException> provision(Collection<UUID> requestIds) {
		Set<UUID> ids = new LinkedHashSet<>(requestIds);
		this.metrics.batch(ids.size());
		long claiming = System.nanoTime();
		List<TrunkRequest> claimed = this.requests.claim(ids, this.settings);
		this.metrics.claimed(System.nanoTime() - claiming);
		Set<UUID> unclaimed = new LinkedHashSet<>(ids);
		claimed.forEach((request) -> unclaimed.remove(request.id()));
		Map<UUID, RuntimeException> failures = new LinkedHashMap<>();
		List<Lease> held = claimed.stream().map(this.leases::hold).toList();
		List<Attempt> attempts = new ArrayList<>();
		List<ProvisioningOutcome> committed = new ArrayList<>();
		Set<UUID> announcedAgain = new HashSet<>();
		try {
			for (int i = 0; i < claimed.size(); i++) {
				attempts.add(start(claimed.get(i), held.get(i)));
			}
			List<Provisioned> made = new ArrayList<>();
			for (Attempt attempt : attempts) {
				try {
					Optional<Provisioned> provisioned = settle(attempt, committed, announcedAgain);
					provisioned.ifPresent(made::add);
					if (provisioned.isEmpty()) {
						this.leases.release(attempt.lease);
					}
				}
				catch (RuntimeException ex) {
					failures.put(attempt.request.id(), ex);
				}
			}
			committed.addAll(commit(made, failures, announcedAgain));
		}
		finally {
			// A claim whose outcome is not committed now (something other than LiveKit
			// failed it) keeps its lease until it expires: the sweeper then drives it
			// again.
			held.forEach(this.leases::release);
		}
		long now = System.nanoTime();
		Map<UUID, Long> started = new LinkedHashMap<>();
		attempts.forEach((attempt) -> started.put(attempt.request.id(), attempt.started));
		// An outcome another attempt committed is that attempt's to count.
		committed.stream()
			.filter((outcome) -> !announcedAgain.contains(outcome.requestId()))
			.forEach((outcome) -> this.metrics.ended(outcome, now - started.get(outcome.requestId())));
		List<ProvisioningOutcome> ended = new ArrayList<>(committed);
		if (!unclaimed.isEmpty()) {
			try {
				ended.addAll(endedAlready(unclaimed));
			}
			catch (RuntimeException ex) {
				unclaimed.forEach((requestId) -> failures.put(requestId, ex));
			}
		}
		failures.putAll(this.outcomes.publish(ended));
		return failures;
	}

	private List<ProvisioningOutcome> endedAlready(Set<UUID> unclaimed) {
		List<ProvisioningOutcome> ended = new ArrayList<>();
		this.requests.standingOf(unclaimed).values().forEach((standing) -> {
			switch (standing.state()) {
				case COMPLETED -> {
					logger.info("Request {} already ended; announcing its outcome again", standing.requestId());
					ended.add(standing.outcome());
				}
				case CLAIMED_ELSEWHERE ->
					logger.info("Request {} is being provisioned by another worker; leaving it to that one",
							standing.requestId());
				case MISSING -> logger.warn("Request {} does not exist; ignoring its event", standing.requestId());
			}
		});
		return ended;
	}

	/**
	 * Starts a claimed request's two creates. The two trunks are independent: both are
	 * created at once, and both are awaited before anything else happens, so a failure of
	 * either compensates whatever the other made. A claim past the request's bounds, or
	 * of a request whose password cannot be decrypted, creates nothing.
	 */
	private Attempt start(TrunkRequest request, Lease lease) {
		long started = System.nanoTime();
		if (request.giveUpReason() != null) {
			return new Attempt(request, lease, started, Set.of(), null, null,
					AttemptFailure.pastBounds(request, this.settings));
		}
		logger.info("Provisioning request {} of account {} (attempt {})", request.id(), request.accountId(),
				request.attempts());
		String password;
		try {
			password = this.cipher.decrypt(request.sipPassword(), request.id().toString());
		}
		catch (UndecryptableSecret ex) {
			return new Attempt(request, lease, started, Set.of(), null, null, AttemptFailure.undecryptable(ex));
		}
		Set<String> made = ConcurrentHashMap.newKeySet();
		CompletableFuture<String> inbound = this.creates.run(() -> {
			String id = this.trunks.inbound(request, lease, password);
			made.add(id);
			return id;
		});
		CompletableFuture<String> outbound = this.creates.run(() -> {
			String id = this.trunks.outbound(request, lease, password);
			made.add(id);
			return id;
		});
		return new Attempt(request, lease, started, made, inbound, outbound, null);
	}

	/**
	 * Waits for an attempt's two creates. When LiveKit failed it, its failure is
	 * committed and added to {@code failed}, then its trunks are deleted.
	 * @return its trunks, ready to be committed, or empty when it failed or another
	 * attempt took the request over
	 * @throws RuntimeException when something other than LiveKit failed it (a bug, the
	 * database): the claim stays until its lease expires, and the next attempt finds the
	 * trunks
	 */
	private Optional<Provisioned> settle(Attempt attempt, List<ProvisioningOutcome> failed, Set<UUID> announcedAgain) {
		TrunkRequest request = attempt.request;
		if (attempt.unstarted != null) {
			giveUp(attempt, announcedAgain).ifPresent(failed::add);
			return Optional.empty();
		}
		RuntimeException failure = null;
		String inboundId = null;
		String outboundId = null;
		try {
			inboundId = attempt.inbound.join();
		}
		catch (CompletionException ex) {
			failure = graver(failure, ex);
		}
		try {
			outboundId = attempt.outbound.join();
		}
		catch (CompletionException ex) {
			failure = graver(failure, ex);
		}
		if (failure == null) {
			return Optional.of(new Provisioned(request, inboundId, outboundId, this.history.provisioned(request)));
		}
		if (failure instanceof ClaimLost) {
			logger.info(
					"Attempt {} of request {} stopped: another attempt took the request over; its LiveKit trunks "
							+ "{} are left to that attempt and the reconciler",
					request.attempts(), request.id(), attempt.made);
			return Optional.empty();
		}
		Optional<AttemptFailure> why = AttemptFailure.of(failure);
		if (why.isPresent()) {
			fail(request, why.get(), attempt.made, announcedAgain).ifPresent(failed::add);
			return Optional.empty();
		}
		throw failure;
	}

	/**
	 * Fails a request without provisioning it: its claim went past its bounds, or its
	 * password cannot be decrypted. A request given up is counted
	 * ({@code trunkline.provisioning.abandoned}) and stays replayable like any failure.
	 */
	private Optional<ProvisioningOutcome> giveUp(Attempt attempt, Set<UUID> announcedAgain) {
		TrunkRequest request = attempt.request;
		AttemptFailure why = attempt.unstarted;
		boolean pastBounds = request.giveUpReason() != null;
		if (pastBounds) {
			logger.warn("Giving up request {} at attempt {} ({}): {}", request.id(), request.attempts(), why.reason(),
					why.detail());
		}
		else {
			logger.error("The SIP password of request {} cannot be decrypted ({}); failing it", request.id(),
					why.detail());
		}
		Optional<TrunkProvisioningFailed> ours = commitFailure(request, why, Set.of());
		if (ours.isPresent() && pastBounds) {
			this.metrics.abandoned(why.reason());
		}
		return ours.<ProvisioningOutcome>map((outcome) -> outcome).or(() -> theirs(request, announcedAgain));
	}

	/**
	 * Fails a request that LiveKit failed.
	 * @return the outcome to announce: this attempt's failure, or the outcome another
	 * attempt committed; empty when another attempt holds the request
	 */
	private Optional<ProvisioningOutcome> fail(TrunkRequest request, AttemptFailure why, Set<String> made,
			Set<UUID> announcedAgain) {
		logger.warn("Provisioning request {} failed at attempt {} ({}): {}", request.id(), request.attempts(),
				why.reason(), why.detail());
		Optional<TrunkProvisioningFailed> ours = commitFailure(request, why, made);
		return ours.<ProvisioningOutcome>map((outcome) -> outcome).or(() -> theirs(request, announcedAgain));
	}

	private Optional<ProvisioningOutcome> theirs(TrunkRequest request, Set<UUID> announcedAgain) {
		Optional<ProvisioningOutcome> theirs = endedByAnother(request, announcedAgain);
		logger.info("Request {} is no longer attempt {}'s: another attempt {}; this one deletes nothing", request.id(),
				request.attempts(), theirs.isPresent() ? "ended it" : "holds it");
		return theirs;
	}

	/**
	 * The outcome another attempt committed for a request this attempt lost, if it ended
	 * the request: this attempt announces it again but does not count it (see
	 * {@link #provision(Collection)}).
	 */
	private Optional<ProvisioningOutcome> endedByAnother(TrunkRequest request, Set<UUID> announcedAgain) {
		Optional<ProvisioningOutcome> theirs = this.requests.outcomeOf(request.id());
		theirs.ifPresent((outcome) -> announcedAgain.add(request.id()));
		return theirs;
	}

	/**
	 * Commits this attempt's failure, fenced by its attempt number, and only if that won
	 * removes the request's LiveKit trunks.
	 * @return the committed failure, or empty when another attempt took the request over
	 * or ended it (then nothing is deleted: the winner may be using those trunks, and the
	 * reconciler removes whatever no committed trunk owns)
	 */
	private Optional<TrunkProvisioningFailed> commitFailure(TrunkRequest request, AttemptFailure why,
			Set<String> made) {
		Optional<TrunkProvisioningFailed> failed = this.requests.commitFailed(request, why.reason(),
				this.history.failed(request, why));
		failed.ifPresent((outcome) -> this.compensation.afterFailure(request, made));
		return failed;
	}

	/**
	 * Finding that another attempt took the request over wins over everything: this
	 * attempt then does nothing more. A failure that is not the voice infrastructure's (a
	 * bug, the database) wins over one that is: it is rethrown, and the next attempt
	 * finds the trunks.
	 */
	private static RuntimeException graver(RuntimeException failure, CompletionException ex) {
		RuntimeException cause = (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		if (failure instanceof ClaimLost || cause instanceof ClaimLost) {
			return (failure instanceof ClaimLost) ? failure : cause;
		}
		return (failure == null
				|| (AttemptFailure.isVoiceInfrastructures(failure) && !AttemptFailure.isVoiceInfrastructures(cause)))
						? cause : failure;
	}

	/**
	 * Commits the trunks of the requests whose two creates succeeded: together, or one by
	 * one when that fails, so that one bad request does not hold the others back.
	 */
	private List<ProvisioningOutcome> commit(List<Provisioned> provisioned, Map<UUID, RuntimeException> failures,
			Set<UUID> announcedAgain) {
		if (provisioned.isEmpty()) {
			return List.of();
		}
		Map<UUID, TrunkProvisioned> committed;
		try {
			committed = this.requests.commitProvisioned(provisioned);
		}
		catch (RuntimeException ex) {
			if (provisioned.size() == 1) {
				failures.put(provisioned.get(0).request().id(), ex);
				return List.of();
			}
			logger.warn("Committing the trunks of {} requests together failed ({}); committing them one by one",
					provisioned.size(), ex.toString());
			List<ProvisioningOutcome> outcomes = new ArrayList<>();
			provisioned.forEach((one) -> outcomes.addAll(commit(List.of(one), failures, announcedAgain)));
			return outcomes;
		}
		List<ProvisioningOutcome> outcomes = new ArrayList<>();
		for (Provisioned made : provisioned) {
			TrunkProvisioned outcome = committed.get(made.request().id());
			if (outcome != null) {
				logger.info("Provisioned request {} as trunk {}: inbound {}, outbound {}", outcome.requestId(),
						outcome.trunkId(), outcome.inboundTrunkId(), outcome.outboundTrunkId());
				outcomes.add(outcome);
				continue;
			}
			try {
				keepTheirs(made, announcedAgain).ifPresent(outcomes::add);
			}
			catch (RuntimeException ex) {
				failures.put(made.request().id(), ex);
			}
		}
		return outcomes;
	}

	/**
	 * Another attempt took the request over while this one provisioned it (this worker
	 * seemed dead long enough for the lease to expire). When that attempt ended the
	 * request, its outcome stands and this attempt's trunks go, except any that a
	 * committed trunk references (the winner may have reused one); while it still holds
	 * the request, it may reuse them, so nothing is deleted.
	 * @return the outcome to announce again, or empty when the other attempt still holds
	 * the request
	 */
	private Optional<ProvisioningOutcome> keepTheirs(Provisioned made, Set<UUID> announcedAgain) {
		TrunkRequest request = made.request();
		Optional<ProvisioningOutcome> theirs = endedByAnother(request, announcedAgain);
		if (theirs.isEmpty()) {
			logger.warn(
					"Request {} was taken over by another attempt while attempt {} provisioned it; leaving "
							+ "LiveKit trunks {} and {} to that attempt and the reconciler",
					request.id(), request.attempts(), made.inboundTrunkId(), made.outboundTrunkId());
			return Optional.empty();
		}
		this.compensation.afterTakeOver(request, List.of(made.inboundTrunkId(), made.outboundTrunkId()));
		logger.warn("Request {} was ended by another attempt while attempt {} provisioned it; kept that outcome",
				request.id(), request.attempts());
		return theirs;
	}

	/**
	 * A claimed request on its way: its lease and its two creates, or why it fails the
	 * request without creating anything.
	 */
	private record Attempt(TrunkRequest request, Lease lease, long started, Set<String> made,
			CompletableFuture<String> inbound, CompletableFuture<String> outbound, AttemptFailure unstarted) {
	}

}
