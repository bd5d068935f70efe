package io.trunkline.worker.provisioning;

import java.time.Instant;
import java.util.ArrayList;
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

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import io.trunkline.schema.secret.SecretCipher;
import io.trunkline.schema.secret.SecretCipher.UndecryptableSecret;
import io.trunkline.worker.voice.ExistingTrunk;
import io.trunkline.worker.voice.ResilientCalls;
import io.trunkline.worker.voice.VoiceInfrastructure;
import io.trunkline.worker.voice.VoiceInfrastructureMisconfigured;
import io.trunkline.worker.voice.VoiceInfrastructureRejected;
import io.trunkline.worker.voice.VoiceInfrastructureUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Provisions one request: exactly one committed trunk with exactly two live LiveKit
 * trunks, or a failure with nothing of it left on LiveKit.
 * <ol>
 * <li>Claim the request (a lease), or, when it already ended, announce its outcome again:
 * the same event twice provisions once.</li>
 * <li>Create the inbound and the outbound trunk concurrently, each under retries and the
 * circuit breaker. A create whose outcome is unknown (timeout, lost response), or any
 * create of a request an earlier worker claimed, first looks for the trunk by number and
 * marker and reuses it: creates are not idempotent on LiveKit.</li>
 * <li>On failure, delete every trunk carrying the request's marker, then commit the
 * failure. On success, commit the trunk.</li>
 * <li>Publish the outcome.</li>
 * </ol>
 */
@Service
public class Provisioning implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Provisioning.class);

	private final PendingRequests requests;

	private final VoiceInfrastructure voice;

	private final ResilientCalls resilient;

	private final SecretCipher cipher;

	private final TrunkMapping mapping;

	private final ProvisioningSettings settings;

	private final OutcomePublisher outcomes;

	private final JsonMapper json;

	private final MeterRegistry meters;

	/**
	 * Creates outbound trunks alongside the consumer thread that creates the inbound one.
	 * Each consumer thread waits for its one task, so the pool never holds more threads
	 * than there are consumer threads.
	 */
	private final ExecutorService outboundCreates;

	Provisioning(PendingRequests requests, VoiceInfrastructure voice, ResilientCalls resilient, SecretCipher cipher,
			ProvisioningSettings settings, OutboundProxySettings proxy, OutcomePublisher outcomes, JsonMapper json,
			MeterRegistry meters) {
		this.requests = requests;
		this.voice = voice;
		this.resilient = resilient;
		this.cipher = cipher;
		this.settings = settings;
		this.mapping = new TrunkMapping(settings.installation(), proxy.address());
		this.outcomes = outcomes;
		this.json = json;
		this.meters = meters;
		AtomicInteger threads = new AtomicInteger();
		this.outboundCreates = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "outbound-create-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void destroy() {
		this.outboundCreates.shutdown();
	}

	/**
	 * Provisions a request if it is pending and unclaimed; re-announces its outcome if it
	 * already ended.
	 * @param requestId the request
	 */
	public void provision(UUID requestId) {
		Optional<TrunkRequest> claimed = this.requests.claim(requestId, this.settings.lease());
		if (claimed.isEmpty()) {
			switch (this.requests.stateOf(requestId)) {
				case COMPLETED -> {
					logger.info("Request {} already ended; announcing its outcome again", requestId);
					this.requests.outcomeOf(requestId).ifPresent(this.outcomes::publish);
				}
				case CLAIMED_ELSEWHERE ->
					logger.info("Request {} is being provisioned by another worker; leaving it to that one", requestId);
				case MISSING -> logger.warn("Request {} does not exist; ignoring its event", requestId);
			}
			return;
		}
		TrunkRequest request = claimed.get();
		logger.info("Provisioning request {} of account {} (attempt {})", request.id(), request.accountId(),
				request.attempts());
		long started = System.nanoTime();
		ProvisioningOutcome outcome = provisionClaimed(request);
		String result = (outcome instanceof TrunkProvisioned) ? "provisioned" : "failed";
		String reason = (outcome instanceof TrunkProvisioningFailed failed) ? failed.reason() : "none";
		Timer.builder("trunkline.provisioning.duration")
			.description("Time from claiming a request to committing its outcome")
			.tag("result", result)
			.register(this.meters)
			.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		Counter.builder("trunkline.provisioning.outcomes")
			.description("Provisioning outcomes by result and reason")
			.tag("result", result)
			.tag("reason", reason)
			.register(this.meters)
			.increment();
		this.outcomes.publish(outcome);
	}

	private ProvisioningOutcome provisionClaimed(TrunkRequest request) {
		String password;
		try {
			password = this.cipher.decrypt(request.sipPassword(), request.id().toString());
		}
		catch (UndecryptableSecret ex) {
			logger.error("The SIP password of request {} cannot be decrypted ({}); failing it", request.id(),
					ex.getMessage());
			return fail(request, "secret_undecryptable", ex.getMessage(), Set.of());
		}
		// The two trunks are independent: the outbound one is created on another thread
		// while this one creates the inbound one, and both are awaited before anything
		// else happens, so a failure of either compensates whatever the other made.
		Set<String> made = ConcurrentHashMap.newKeySet();
		CompletableFuture<String> outbound = CompletableFuture.supplyAsync(() -> {
			String id = ensure(request, "outbound", (number) -> this.voice.findOutboundTrunks(number),
					TrunkMapping.callingNumber(request),
					() -> this.voice.createOutboundTrunk(this.mapping.outbound(request, password)));
			made.add(id);
			return id;
		}, this.outboundCreates);
		RuntimeException failure = null;
		String inboundId = null;
		try {
			inboundId = ensure(request, "inbound", (number) -> this.voice.findInboundTrunks(number),
					request.phoneNumber(),
					() -> this.voice.createInboundTrunk(this.mapping.inbound(request, password)));
			made.add(inboundId);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		String outboundId = null;
		try {
			outboundId = outbound.join();
		}
		catch (CompletionException ex) {
			RuntimeException cause = (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
			// A failure that is not the voice infrastructure's (a bug, the database)
			// wins: it is rethrown for the error handler, and the next attempt finds
			// the trunks.
			if (failure == null || (isVoiceFailure(failure) && !isVoiceFailure(cause))) {
				failure = cause;
			}
		}
		if (failure != null) {
			if (isVoiceFailure(failure)) {
				return fail(request, reason(failure), failure.getMessage(), made);
			}
			throw failure;
		}
		Optional<TrunkProvisioned> committed = this.requests.commitProvisioned(request, inboundId, outboundId,
				history(request, "provisioned", null, null));
		if (committed.isPresent()) {
			logger.info("Provisioned request {} as trunk {}: inbound {}, outbound {}", request.id(),
					committed.get().trunkId(), inboundId, outboundId);
			return committed.get();
		}
		// Our lease expired and another worker ended the request meanwhile: its outcome
		// stands, ours must go.
		ProvisioningOutcome theirs = this.requests.outcomeOf(request.id()).orElseThrow();
		Set<String> keep = (theirs instanceof TrunkProvisioned provisioned)
				? Set.of(provisioned.inboundTrunkId(), provisioned.outboundTrunkId()) : Set.of();
		made.stream().filter((id) -> !keep.contains(id)).forEach((id) -> deleteQuietly(request, id));
		logger.warn("Request {} was ended by another worker while this one provisioned it; kept that outcome",
				request.id());
		return theirs;
	}

	/**
	 * Finds or creates one trunk. The lookup runs before a create whenever a trunk of
	 * this request may already exist: after a create with an unknown outcome, or when an
	 * earlier claim of the request may have made it.
	 */
	private String ensure(TrunkRequest request, String direction, Function<String, List<ExistingTrunk>> find,
			String number, Supplier<String> create) {
		AtomicBoolean mayExist = new AtomicBoolean(request.triedBefore());
		return this.resilient.call(() -> {
			if (mayExist.get()) {
				List<String> ours = ours(request, find.apply(number));
				if (!ours.isEmpty()) {
					logger.info("Reusing {} trunk {} that an earlier attempt of request {} created", direction,
							ours.get(0), request.id());
					ours.stream().skip(1).forEach((extra) -> deleteQuietly(request, extra));
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

	private ProvisioningOutcome fail(TrunkRequest request, String reason, String detail, Set<String> made) {
		logger.warn("Provisioning request {} failed ({}): {}; removing its LiveKit trunks", request.id(), reason,
				detail);
		compensate(request, made);
		Optional<TrunkProvisioningFailed> failed = this.requests.commitFailed(request, reason,
				history(request, "failed", reason, detail));
		if (failed.isPresent()) {
			return failed.get();
		}
		return this.requests.outcomeOf(request.id()).orElseThrow();
	}

	/**
	 * Removes every trunk carrying the request's marker: those this attempt made, and
	 * those found by number that an unknown-outcome create or an earlier attempt may have
	 * made. Whatever cannot be removed now (LiveKit down) the reconciler removes later,
	 * as the request is failed.
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
		doomed.forEach((id) -> deleteQuietly(request, id));
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
		if (ex instanceof CallNotPermittedException) {
			return "voice_infrastructure_circuit_open";
		}
		if (ex instanceof BulkheadFullException) {
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

	private String history(TrunkRequest request, String result, String reason, String detail) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("attempt", request.attempts());
		entry.put("at", Instant.now().toString());
		entry.put("result", result);
		if (reason != null) {
			entry.put("reason", reason);
		}
		if (detail != null) {
			entry.put("detail", detail);
		}
		return this.json.writeValueAsString(List.of(entry));
	}

}
