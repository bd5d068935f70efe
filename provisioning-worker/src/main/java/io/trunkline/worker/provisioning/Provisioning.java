package io.trunkline.worker.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import io.trunkline.schema.secret.SecretCipher;
import io.trunkline.schema.secret.SecretCipher.UndecryptableSecret;
import io.trunkline.worker.provisioning.Leases.Lease;
import io.trunkline.worker.provisioning.TrunkRequests.Provisioned;
import io.trunkline.worker.voice.ExistingTrunk;
import io.trunkline.worker.voice.ResilientCalls;
import io.trunkline.worker.voice.VoiceInfrastructure;
import io.trunkline.worker.voice.VoiceInfrastructureBusy;
import io.trunkline.worker.voice.VoiceInfrastructureCircuitOpen;
import io.trunkline.worker.voice.VoiceInfrastructureMisconfigured;
import io.trunkline.worker.voice.VoiceInfrastructureRejected;
import io.trunkline.worker.voice.VoiceInfrastructureUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
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
 * <li>Create every claimed request's inbound and outbound trunk concurrently, each under
 * retries and the circuit breaker. A create whose outcome is unknown (timeout, lost
 * response), or any create of a request an earlier worker claimed, first looks for the
 * trunk by number and marker and reuses it: creates are not idempotent on LiveKit.</li>
 * <li>A request that failed has its failure committed, then every trunk carrying its
 * marker deleted. The trunks of those that succeeded are committed together.</li>
 * <li>Publish the outcomes, then wait for the broker to acknowledge them all.</li>
 * </ol>
 * Every commit and failure is fenced by the claim's attempt number: an attempt that
 * another one took over (its worker seemed dead long enough for its lease to expire)
 * changes nothing. Deleting trunks only follows a write that won: a failure that this
 * attempt committed, or an outcome another attempt committed; and a trunk that a
 * committed trunk references, or that belongs to a request pending again, is never
 * deleted. What a losing attempt leaves on LiveKit is the winner's to reuse or the
 * reconciler's to remove.
 */
@Service
public class Provisioning implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Provisioning.class);

	/**
	 * The most characters of an attempt's failure detail kept in its history.
	 */
	static final int DETAIL_LIMIT = 300;

	private final TrunkRequests requests;

	private final VoiceInfrastructure voice;

	private final ResilientCalls resilient;

	private final SecretCipher cipher;

	private final TrunkMapping mapping;

	private final ProvisioningSettings settings;

	private final OutcomePublisher outcomes;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final DistributionSummary batches;

	private final Leases leases;

	/**
	 * Runs the LiveKit creates of every consumer thread, as many at once as the
	 * {@code livekit} bulkhead lets through: more threads would only queue in it (and be
	 * refused after its wait), fewer would leave its capacity unused.
	 */
	private final ExecutorService creates;

	Provisioning(TrunkRequests requests, Leases leases, VoiceInfrastructure voice, ResilientCalls resilient,
			SecretCipher cipher, ProvisioningSettings settings, OutboundProxyAddress proxy, OutcomePublisher outcomes,
			JsonMapper json, MeterRegistry meters) {
		this.requests = requests;
		this.leases = leases;
		this.voice = voice;
		this.resilient = resilient;
		this.cipher = cipher;
		this.settings = settings;
		this.mapping = new TrunkMapping(settings.installation(), proxy.address());
		this.outcomes = outcomes;
		this.json = json;
		this.meters = meters;
		this.batches = DistributionSummary.builder("trunkline.provisioning.batch")
			.description("Requests provisioned together (the records of one poll)")
			.register(meters);
		AtomicInteger threads = new AtomicInteger();
		this.creates = Executors.newFixedThreadPool(resilient.maxConcurrentCalls(), (task) -> {
			Thread thread = new Thread(task, "livekit-create-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void destroy() {
		this.creates.shutdown();
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
		this.batches.record(ids.size());
		List<TrunkRequest> claimed = this.requests.claim(ids, this.settings);
		Set<UUID> unclaimed = new LinkedHashSet<>(ids);
		claimed.forEach((request) -> unclaimed.remove(request.id()));
		Map<UUID, RuntimeException> failures = new LinkedHashMap<>();
		List<Lease> held = claimed.stream().map(this.leases::hold).toList();
		List<Attempt> attempts = new ArrayList<>();
		List<ProvisioningOutcome> committed = new ArrayList<>();
		try {
			for (int i = 0; i < claimed.size(); i++) {
				attempts.add(start(claimed.get(i), held.get(i)));
			}
			List<Provisioned> made = new ArrayList<>();
			for (Attempt attempt : attempts) {
				try {
					Optional<Provisioned> provisioned = settle(attempt, committed);
					provisioned.ifPresent(made::add);
					if (provisioned.isEmpty()) {
						this.leases.release(attempt.lease);
					}
				}
				catch (RuntimeException ex) {
					failures.put(attempt.request.id(), ex);
				}
			}
			committed.addAll(commit(made, failures));
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
		committed.forEach((outcome) -> measure(outcome, now - started.get(outcome.requestId())));
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
					new Unstarted(request.giveUpReason(), giveUpDetail(request)));
		}
		logger.info("Provisioning request {} of account {} (attempt {})", request.id(), request.accountId(),
				request.attempts());
		String password;
		try {
			password = this.cipher.decrypt(request.sipPassword(), request.id().toString());
		}
		catch (UndecryptableSecret ex) {
			return new Attempt(request, lease, started, Set.of(), null, null,
					new Unstarted("secret_undecryptable", ex.getMessage()));
		}
		Set<String> made = ConcurrentHashMap.newKeySet();
		CompletableFuture<String> inbound = CompletableFuture.supplyAsync(() -> {
			String id = ensure(request, lease, "inbound", this.voice::findInboundTrunks, request.phoneNumber(),
					() -> this.voice.createInboundTrunk(this.mapping.inbound(request, password)));
			made.add(id);
			return id;
		}, this.creates);
		CompletableFuture<String> outbound = CompletableFuture.supplyAsync(() -> {
			String id = ensure(request, lease, "outbound", this.voice::findOutboundTrunks,
					TrunkMapping.callingNumber(request),
					() -> this.voice.createOutboundTrunk(this.mapping.outbound(request, password)));
			made.add(id);
			return id;
		}, this.creates);
		return new Attempt(request, lease, started, made, inbound, outbound, null);
	}

	private String giveUpDetail(TrunkRequest request) {
		if ("attempts_exhausted".equals(request.giveUpReason())) {
			return "more than " + this.settings.maxAttempts() + " attempts since it was requested or replayed";
		}
		return "pending for longer than " + this.settings.maxAge() + " since it was requested or replayed";
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
	private Optional<Provisioned> settle(Attempt attempt, List<ProvisioningOutcome> failed) {
		TrunkRequest request = attempt.request;
		if (attempt.unstarted != null) {
			giveUp(attempt).ifPresent(failed::add);
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
			return Optional
				.of(new Provisioned(request, inboundId, outboundId, history(request, "provisioned", null, null)));
		}
		if (failure instanceof ClaimLost) {
			logger.info(
					"Attempt {} of request {} stopped: another attempt took the request over; its LiveKit trunks "
							+ "{} are left to that attempt and the reconciler",
					request.attempts(), request.id(), attempt.made);
			return Optional.empty();
		}
		if (isVoiceFailure(failure)) {
			fail(request, reason(failure), failure, attempt.made).ifPresent(failed::add);
			return Optional.empty();
		}
		throw failure;
	}

	/**
	 * Fails a request without provisioning it: its claim went past its bounds, or its
	 * password cannot be decrypted. A request given up is counted
	 * ({@code trunkline.provisioning.abandoned}) and stays replayable like any failure.
	 */
	private Optional<ProvisioningOutcome> giveUp(Attempt attempt) {
		TrunkRequest request = attempt.request;
		Unstarted why = attempt.unstarted;
		boolean pastBounds = request.giveUpReason() != null;
		if (pastBounds) {
			logger.warn("Giving up request {} at attempt {} ({}): {}", request.id(), request.attempts(), why.reason(),
					why.detail());
		}
		else {
			logger.error("The SIP password of request {} cannot be decrypted ({}); failing it", request.id(),
					why.detail());
		}
		Optional<TrunkProvisioningFailed> ours = commitFailure(request, why.reason(), null, why.detail(), Set.of());
		if (ours.isPresent() && pastBounds) {
			Counter.builder("trunkline.provisioning.abandoned")
				.description("Requests failed because they went past their bounds on attempts or age")
				.tag("reason", why.reason())
				.register(this.meters)
				.increment();
		}
		return ours.<ProvisioningOutcome>map((outcome) -> outcome).or(() -> theirs(request));
	}

	/**
	 * Fails a request that LiveKit failed.
	 * @return the outcome to announce: this attempt's failure, or the outcome another
	 * attempt committed; empty when another attempt holds the request
	 */
	private Optional<ProvisioningOutcome> fail(TrunkRequest request, String reason, RuntimeException failure,
			Set<String> made) {
		String code = (failure instanceof VoiceInfrastructureRejected rejected) ? rejected.code() : null;
		logger.warn("Provisioning request {} failed at attempt {} ({}): {}", request.id(), request.attempts(), reason,
				failure.getMessage());
		Optional<TrunkProvisioningFailed> ours = commitFailure(request, reason, code, failure.getMessage(), made);
		return ours.<ProvisioningOutcome>map((outcome) -> outcome).or(() -> theirs(request));
	}

	private Optional<ProvisioningOutcome> theirs(TrunkRequest request) {
		Optional<ProvisioningOutcome> theirs = this.requests.outcomeOf(request.id());
		logger.info("Request {} is no longer attempt {}'s: another attempt {}; this one deletes nothing", request.id(),
				request.attempts(), theirs.isPresent() ? "ended it" : "holds it");
		return theirs;
	}

	/**
	 * Commits this attempt's failure, fenced by its attempt number, and only if that won
	 * removes the request's LiveKit trunks.
	 * @return the committed failure, or empty when another attempt took the request over
	 * or ended it (then nothing is deleted: the winner may be using those trunks, and the
	 * reconciler removes whatever no committed trunk owns)
	 */
	private Optional<TrunkProvisioningFailed> commitFailure(TrunkRequest request, String reason, String code,
			String detail, Set<String> made) {
		Map<String, Object> failure = new LinkedHashMap<>();
		failure.put("reason", reason);
		if (code != null) {
			failure.put("code", code);
		}
		Optional<TrunkProvisioningFailed> failed = this.requests.commitFailed(request, reason,
				history(request, "failed", failure, detail));
		failed.ifPresent((outcome) -> compensate(request, made));
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
		return (failure == null || (isVoiceFailure(failure) && !isVoiceFailure(cause))) ? cause : failure;
	}

	/**
	 * Commits the trunks of the requests whose two creates succeeded: together, or one by
	 * one when that fails, so that one bad request does not hold the others back.
	 */
	private List<ProvisioningOutcome> commit(List<Provisioned> provisioned, Map<UUID, RuntimeException> failures) {
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
			provisioned.forEach((one) -> outcomes.addAll(commit(List.of(one), failures)));
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
				keepTheirs(made).ifPresent(outcomes::add);
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
	private Optional<ProvisioningOutcome> keepTheirs(Provisioned made) {
		TrunkRequest request = made.request();
		Optional<ProvisioningOutcome> theirs = this.requests.outcomeOf(request.id());
		if (theirs.isEmpty()) {
			logger.warn(
					"Request {} was taken over by another attempt while attempt {} provisioned it; leaving "
							+ "LiveKit trunks {} and {} to that attempt and the reconciler",
					request.id(), request.attempts(), made.inboundTrunkId(), made.outboundTrunkId());
			return Optional.empty();
		}
		List<String> ours = List.of(made.inboundTrunkId(), made.outboundTrunkId());
		Set<String> removable = this.requests.removable(request.id(), ours);
		ours.stream().filter(removable::contains).forEach((id) -> deleteQuietly(request, id));
		logger.warn("Request {} was ended by another attempt while attempt {} provisioned it; kept that outcome",
				request.id(), request.attempts());
		return theirs;
	}

	private void measure(ProvisioningOutcome outcome, long nanos) {
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
	 * A claimed request on its way: its lease and its two creates, or why they did not
	 * start.
	 */
	private record Attempt(TrunkRequest request, Lease lease, long started, Set<String> made,
			CompletableFuture<String> inbound, CompletableFuture<String> outbound, Unstarted unstarted) {
	}

	/**
	 * Why an attempt fails its request without creating anything.
	 *
	 * @param reason the failure reason
	 * @param detail what the attempt history says
	 */
	private record Unstarted(String reason, String detail) {
	}

	/**
	 * Finds or creates one trunk. The lookup runs before a create whenever a trunk of
	 * this request may already exist: after a create with an unknown outcome, or when an
	 * earlier claim of the request may have made it. When several carry the request's
	 * marker (earlier attempts each made one), one is reused and the others are left
	 * alone: an attempt that still runs may be about to commit one of them, and whatever
	 * no committed trunk owns in the end the failure path or the reconciler removes.
	 * Nothing more is called once another attempt has taken the request over.
	 */
	private String ensure(TrunkRequest request, Lease lease, String direction,
			Function<String, List<ExistingTrunk>> find, String number, Supplier<String> create) {
		AtomicBoolean mayExist = new AtomicBoolean(request.triedBefore());
		return this.resilient.call(() -> {
			if (lease.isLost()) {
				throw new ClaimLost();
			}
			if (mayExist.get()) {
				List<String> ours = ours(request, find.apply(number));
				if (!ours.isEmpty()) {
					logger.info("Reusing {} trunk {} that an earlier attempt of request {} created", direction,
							ours.get(0), request.id());
					if (ours.size() > 1) {
						logger.info("Leaving the other {} trunks {} of request {} to the attempt that made them and "
								+ "the reconciler", direction, ours.subList(1, ours.size()), request.id());
					}
					return ours.get(0);
				}
			}
			try {
				return create.get();
			}
			catch (VoiceInfrastructureUnavailable ex) {
				if (ex.outcomeUnknown()) {
					mayExist.set(true);
				}
				logger.info("Creating the {} trunk of request {} failed, may retry: {}", direction, request.id(),
						ex.getMessage());
				throw ex;
			}
		});
	}

	/**
	 * Removes every trunk carrying the request's marker, once its failure is committed:
	 * those this attempt made, and those found by number that an unknown-outcome create
	 * or an earlier attempt may have made, except any that a committed trunk references
	 * or whose request is pending again (replayed meanwhile), checked in the database
	 * right before deleting. Whatever cannot be removed now (LiveKit down) the reconciler
	 * removes later, as the request is failed.
	 */
	private void compensate(TrunkRequest request, Set<String> made) {
		Set<String> doomed = new LinkedHashSet<>(made);
		try {
			this.resilient.callOnce(() -> {
				doomed.addAll(ours(request, this.voice.findInboundTrunks(request.phoneNumber())));
				doomed.addAll(ours(request, this.voice.findOutboundTrunks(TrunkMapping.callingNumber(request))));
			});
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
				deleteQuietly(request, id);
			}
			else {
				logger.warn("Keeping LiveKit trunk {} of failed request {}: a committed trunk references it or the "
						+ "request is pending again", id, request.id());
			}
		}
	}

	private void deleteQuietly(TrunkRequest request, String trunkId) {
		try {
			this.resilient.callOnce(() -> this.voice.deleteTrunk(trunkId));
			Counter.builder("trunkline.provisioning.compensations")
				.description("LiveKit trunks deleted because their request failed or was duplicated")
				.register(this.meters)
				.increment();
			logger.info("Deleted LiveKit trunk {} of request {}", trunkId, request.id());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete LiveKit trunk {} of request {} ({}); the reconciler will", trunkId,
					request.id(), ex.toString());
		}
	}

	private List<String> ours(TrunkRequest request, List<ExistingTrunk> trunks) {
		List<String> ours = new ArrayList<>();
		for (ExistingTrunk trunk : trunks) {
			if (this.mapping.requestMarkedBy(trunk.metadata()).filter(request.id()::equals).isPresent()) {
				ours.add(trunk.id());
			}
		}
		return ours;
	}

	private static boolean isVoiceFailure(RuntimeException ex) {
		return reason(ex) != null;
	}

	/**
	 * @return the failure reason a request is failed with, or {@code null} when the
	 * exception is not the voice infrastructure's (it is then rethrown)
	 */
	private static String reason(RuntimeException ex) {
		if (ex instanceof VoiceInfrastructureRejected) {
			return "voice_infrastructure_rejected";
		}
		if (ex instanceof VoiceInfrastructureMisconfigured) {
			return "voice_infrastructure_misconfigured";
		}
		if (ex instanceof VoiceInfrastructureCircuitOpen) {
			return "voice_infrastructure_circuit_open";
		}
		if (ex instanceof VoiceInfrastructureBusy) {
			return "voice_infrastructure_busy";
		}
		if (ex instanceof TrunkMapping.OutboundProxyUnavailable) {
			return "outbound_proxy_unavailable";
		}
		if (ex instanceof VoiceInfrastructureUnavailable) {
			return "voice_infrastructure_unavailable";
		}
		return null;
	}

	/**
	 * @param failure the failure's reason and LiveKit's error code, or {@code null}
	 * @param detail what went wrong, cut to {@value #DETAIL_LIMIT} characters: the
	 * history is kept with the request and shown to operators, so it holds no unbounded
	 * text
	 */
	private String history(TrunkRequest request, String result, Map<String, Object> failure, String detail) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("attempt", request.attempts());
		entry.put("at", Instant.now().toString());
		entry.put("result", result);
		if (failure != null) {
			entry.putAll(failure);
		}
		if (detail != null) {
			entry.put("detail", (detail.length() > DETAIL_LIMIT) ? detail.substring(0, DETAIL_LIMIT) : detail);
		}
		return this.json.writeValueAsString(List.of(entry));
	}

	/**
	 * Another attempt took the request over (the lease was found lost): this attempt's
	 * work stops.
	 */
	static final class ClaimLost extends RuntimeException {

		ClaimLost() {
			super("Another attempt took the request over", null, false, false);
		}

	}

}
