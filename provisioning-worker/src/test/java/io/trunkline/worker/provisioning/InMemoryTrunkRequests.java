package io.trunkline.worker.provisioning;

import java.time.Duration;
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

import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import io.trunkline.schema.secret.SecretCipher;
import io.trunkline.schema.trunk.CallingFormat;
import io.trunkline.schema.trunk.InboundAuthorization;
import io.trunkline.schema.trunk.TrunkDefinition;
import io.trunkline.schema.trunk.TrunkType;

/**
 * The trunk requests in memory, fenced like {@link PendingRequests}, for unit tests of
 * provisioning: a test puts requests where it starts from (tried before, taken over by
 * another attempt, ended by it), lets the database refuse a request's trunk, and reads
 * where each request ended. A lease lasts until its request ends: no test outlasts one.
 * Thread-safe.
 */
final class InMemoryTrunkRequests extends TrunkRequests {

	final SecretCipher cipher = SecretCipher.fromKeyRing(SecretCipher.randomKeyRing());

	private static final long ACCOUNT = 7;

	private final Map<UUID, Row> rows = new LinkedHashMap<>();

	private final Set<UUID> refused = new LinkedHashSet<>();

	private final List<Integer> commits = new ArrayList<>();

	private long trunkIds;

	/**
	 * Records a create as the gateway does: a pending extension trunk, unclaimed.
	 * @param extension its extension
	 * @return the request's id
	 */
	synchronized UUID pendingRequest(String extension) {
		UUID id = UUID.randomUUID();
		this.rows.put(id,
				new Row(new TrunkRequest(id, ACCOUNT,
						new TrunkDefinition(TrunkType.EXTENSION, extension, "Provider X", "myuser", "sip.provider.com",
								CallingFormat.PLUS_E164, InboundAuthorization.AUTH, null, false, "US"),
						this.cipher.encrypt("s3cret-s3cret", id.toString()), 0, null)));
		return id;
	}

	/**
	 * Puts a request where an earlier worker left it: claimed that many times, its last
	 * lease expired.
	 */
	synchronized void triedBefore(UUID requestId, int attempts) {
		Row row = this.rows.get(requestId);
		row.attempts = attempts;
		row.leased = false;
	}

	/**
	 * Another attempt claims the request, as after this worker's lease expired.
	 */
	synchronized void takenOverByAnotherAttempt(UUID requestId) {
		Row row = this.rows.get(requestId);
		row.attempts++;
		row.leased = true;
	}

	/**
	 * The attempt that took the request over commits it with these trunks.
	 */
	synchronized void provisionedByAnotherAttempt(UUID requestId, String inboundTrunkId, String outboundTrunkId) {
		Row row = this.rows.get(requestId);
		provision(row, inboundTrunkId, outboundTrunkId, "[]");
	}

	/**
	 * The database refuses the request's trunk (a constraint, a trigger): every commit
	 * that includes it fails, as a whole.
	 */
	synchronized void refuseTrunkOf(UUID requestId) {
		this.refused.add(requestId);
	}

	/**
	 * @return how many requests each commit of trunks named, in order
	 */
	synchronized List<Integer> commitSizes() {
		return List.copyOf(this.commits);
	}

	synchronized String markerOf(UUID requestId) {
		return Marker.of("trunkline", requestId, ACCOUNT);
	}

	synchronized String status(UUID requestId) {
		return this.rows.get(requestId).status;
	}

	synchronized String failureReason(UUID requestId) {
		ProvisioningOutcome outcome = this.rows.get(requestId).outcome;
		return (outcome instanceof TrunkProvisioningFailed failed) ? failed.reason() : null;
	}

	/**
	 * @return the inbound and outbound LiveKit trunk of the request's committed trunk, or
	 * empty
	 */
	synchronized List<String> committedTrunk(UUID requestId) {
		Row row = this.rows.get(requestId);
		return (row.inboundTrunkId != null) ? List.of(row.inboundTrunkId, row.outboundTrunkId) : List.of();
	}

	synchronized List<String> history(UUID requestId) {
		return List.copyOf(this.rows.get(requestId).history);
	}

	@Override
	synchronized List<TrunkRequest> claim(Collection<UUID> requestIds, ProvisioningSettings settings) {
		List<TrunkRequest> claimed = new ArrayList<>();
		for (UUID requestId : requestIds) {
			Row row = this.rows.get(requestId);
			if (row != null && row.isPending() && !row.leased) {
				row.attempts++;
				row.leased = true;
				claimed.add(row.claimed((row.attempts > settings.maxAttempts()) ? "attempts_exhausted" : null));
			}
		}
		return claimed;
	}

	@Override
	synchronized Set<UUID> renew(Map<UUID, Integer> held, Duration lease) {
		Set<UUID> renewed = new LinkedHashSet<>();
		held.forEach((requestId, attempt) -> {
			if (this.rows.get(requestId).isHeldBy(attempt)) {
				renewed.add(requestId);
			}
		});
		return renewed;
	}

	@Override
	synchronized Set<String> removable(UUID requestId, Collection<String> trunkIds) {
		Row request = this.rows.get(requestId);
		if (request == null || request.isPending()) {
			return Set.of();
		}
		Set<String> removable = new LinkedHashSet<>(trunkIds);
		this.rows.values().forEach((row) -> {
			removable.remove(row.inboundTrunkId);
			removable.remove(row.outboundTrunkId);
		});
		return removable;
	}

	@Override
	synchronized Map<UUID, Standing> standingOf(Collection<UUID> requestIds) {
		Map<UUID, Standing> standings = new LinkedHashMap<>();
		for (UUID requestId : requestIds) {
			Row row = this.rows.get(requestId);
			RequestState state = (row == null) ? RequestState.MISSING
					: row.isPending() ? RequestState.CLAIMED_ELSEWHERE : RequestState.COMPLETED;
			standings.put(requestId, new Standing(requestId, state, (row != null) ? row.outcome : null));
		}
		return standings;
	}

	@Override
	synchronized Map<UUID, TrunkProvisioned> commitProvisioned(List<Provisioned> provisioned) {
		this.commits.add(provisioned.size());
		provisioned.stream()
			.filter((made) -> this.refused.contains(made.request().id()))
			.findAny()
			.ifPresent((made) -> {
				throw new IllegalStateException("The database refused the trunk of request " + made.request().id());
			});
		Map<UUID, TrunkProvisioned> committed = new LinkedHashMap<>();
		for (Provisioned made : provisioned) {
			Row row = this.rows.get(made.request().id());
			if (row.isHeldBy(made.request().attempts())) {
				committed.put(row.request.id(),
						provision(row, made.inboundTrunkId(), made.outboundTrunkId(), made.historyEntry()));
			}
		}
		return committed;
	}

	@Override
	synchronized Optional<TrunkProvisioningFailed> commitFailed(TrunkRequest request, String reason,
			String historyEntry) {
		Row row = this.rows.get(request.id());
		if (!row.isHeldBy(request.attempts())) {
			return Optional.empty();
		}
		TrunkProvisioningFailed failed = TrunkProvisioningFailed.of(request.id(), ACCOUNT, reason, Instant.now());
		row.end("failed", failed, historyEntry);
		return Optional.of(failed);
	}

	private TrunkProvisioned provision(Row row, String inboundTrunkId, String outboundTrunkId, String historyEntry) {
		TrunkProvisioned provisioned = TrunkProvisioned.of(row.request.id(), ACCOUNT, ++this.trunkIds, inboundTrunkId,
				outboundTrunkId, Instant.now());
		row.inboundTrunkId = inboundTrunkId;
		row.outboundTrunkId = outboundTrunkId;
		row.end("provisioned", provisioned, historyEntry);
		return provisioned;
	}

	/**
	 * A request's row: what the gateway recorded, and where provisioning has taken it.
	 */
	private static final class Row {

		final TrunkRequest request;

		String status = "pending";

		int attempts;

		boolean leased;

		ProvisioningOutcome outcome;

		String inboundTrunkId;

		String outboundTrunkId;

		final List<String> history = new ArrayList<>();

		Row(TrunkRequest request) {
			this.request = request;
		}

		boolean isPending() {
			return this.status.equals("pending");
		}

		boolean isHeldBy(int attempt) {
			return isPending() && this.attempts == attempt;
		}

		TrunkRequest claimed(String giveUpReason) {
			TrunkRequest r = this.request;
			return new TrunkRequest(r.id(), r.accountId(), r.trunk(), r.sipPassword(), this.attempts, giveUpReason);
		}

		void end(String status, ProvisioningOutcome outcome, String historyEntry) {
			this.status = status;
			this.outcome = outcome;
			this.leased = false;
			this.history.add(historyEntry);
		}

	}

}
