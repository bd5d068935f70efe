package io.trunkline.worker.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import io.trunkline.schema.secret.EncryptedSecret;
import io.trunkline.schema.trunk.ProvisioningStatus;
import io.trunkline.schema.trunk.TrunkColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The worker's access to provisioning requests in PostgreSQL: claims with a lease, and
 * the commits that end a request ({@link TrunkRequests}), and what recovery looks for.
 * <p>
 * A claim is one committed {@code UPDATE} that only succeeds on a pending request whose
 * lease is free or expired (a duplicate delivery during a rebalance finds it claimed).
 * The worker renews the leases it holds while their work is queued or in flight; a worker
 * that dies mid-way leaves its lease to expire, the stalled-request sweeper then drives
 * the request again, and the new claim's attempt count tells it to look for trunks the
 * dead worker made.
 * <p>
 * A worker that only seemed dead (a long pause, a partition from the database) may still
 * be working on a request another worker has claimed since. The claim's attempt number is
 * its fencing token: every renewal, commit and failure names it, and changes nothing once
 * the request's attempt count has moved on.
 */
@Component
public class PendingRequests extends TrunkRequests {

	/**
	 * Claims a batch's free pending requests and returns each with its definition (see
	 * {@link #claim(Collection, ProvisioningSettings)}).
	 */
	private static final String CLAIM = """
			UPDATE provisioning_requests
			SET attempts = attempts + 1, lease_until = now() + make_interval(secs => ?), updated_at = now()
			WHERE id = ANY(?) AND status = 'pending' AND (lease_until IS NULL OR lease_until < now())
			RETURNING id, account_id, %s, sip_password_key_id, sip_password_ciphertext, attempts,
			    CASE WHEN attempts - attempts_at_replay > ? THEN 'attempts_exhausted'
			         WHEN coalesce(replayed_at, created_at) < now() - make_interval(secs => ?) THEN 'expired'
			    END AS give_up_reason
			""".formatted(TrunkColumns.NAMES);

	private final JdbcClient jdbc;

	PendingRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims every request of the batch that is pending and free, in one statement.
	 */
	@Override
	List<TrunkRequest> claim(Collection<UUID> requestIds, ProvisioningSettings settings) {
		return this.jdbc.sql(CLAIM)
			.param(seconds(settings.lease()))
			.param(requestIds.toArray(UUID[]::new))
			.param(settings.maxAttempts())
			.param(seconds(settings.maxAge()))
			.query(PendingRequests::request)
			.list();
	}

	/**
	 * Extends the leases of claims that are still the latest of their requests, in one
	 * statement.
	 */
	@Override
	Set<UUID> renew(Map<UUID, Integer> held, Duration lease) {
		if (held.isEmpty()) {
			return Set.of();
		}
		List<UUID> ids = List.copyOf(held.keySet());
		return Set.copyOf(this.jdbc.sql("""
				UPDATE provisioning_requests r SET lease_until = now() + make_interval(secs => ?)
				FROM unnest(CAST(? AS uuid[]), CAST(? AS integer[])) AS h (id, attempt)
				WHERE r.id = h.id AND r.attempts = h.attempt AND r.status = 'pending'
				RETURNING r.id
				""")
			.param(seconds(lease))
			.param(ids.toArray(UUID[]::new))
			.param(ids.stream().map(held::get).toArray(Integer[]::new))
			.query(UUID.class)
			.list());
	}

	@Override
	Set<String> removable(UUID requestId, Collection<String> trunkIds) {
		if (trunkIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("""
				SELECT t.id FROM unnest(CAST(? AS text[])) AS t (id)
				WHERE EXISTS (SELECT 1 FROM provisioning_requests r WHERE r.id = ? AND r.status <> 'pending')
				  AND NOT EXISTS (SELECT 1 FROM sip_trunks s WHERE s.inbound_trunk_id = t.id)
				  AND NOT EXISTS (SELECT 1 FROM sip_trunks s WHERE s.outbound_trunk_id = t.id)
				""").param(trunkIds.toArray(String[]::new)).param(requestId).query(String.class).list());
	}

	@Override
	Map<UUID, Standing> standingOf(Collection<UUID> requestIds) {
		Map<UUID, Standing> found = this.jdbc.sql("""
				SELECT r.id, r.account_id, r.status, r.failure_reason, r.completed_at, t.id AS trunk_id,
				    t.inbound_trunk_id, t.outbound_trunk_id, t.created_at AS trunk_created_at
				FROM provisioning_requests r LEFT JOIN sip_trunks t ON t.request_id = r.id
				WHERE r.id = ANY(?)
				""").param(requestIds.toArray(UUID[]::new)).query((rs, row) -> {
			UUID id = rs.getObject("id", UUID.class);
			long account = rs.getLong("account_id");
			return switch (ProvisioningStatus.fromColumn(rs.getString("status"))) {
				case PENDING -> new Standing(id, RequestState.CLAIMED_ELSEWHERE, null);
				case PROVISIONED -> new Standing(id, RequestState.COMPLETED,
						TrunkProvisioned.of(id, account, rs.getLong("trunk_id"), rs.getString("inbound_trunk_id"),
								rs.getString("outbound_trunk_id"), rs.getTimestamp("trunk_created_at").toInstant()));
				case FAILED -> new Standing(id, RequestState.COMPLETED, TrunkProvisioningFailed.of(id, account,
						rs.getString("failure_reason"), rs.getTimestamp("completed_at").toInstant()));
			};
		}).list().stream().collect(Collectors.toMap(Standing::requestId, (standing) -> standing));
		Map<UUID, Standing> standings = new LinkedHashMap<>();
		for (UUID requestId : requestIds) {
			standings.put(requestId,
					found.getOrDefault(requestId, new Standing(requestId, RequestState.MISSING, null)));
		}
		return standings;
	}

	/**
	 * Commits trunks and their requests in one statement (see
	 * {@link #commitProvisioned(List)}); the trunk's definition is copied from its
	 * request column by column.
	 */
	private static final String COMMIT_PROVISIONED = """
			WITH made AS (
			    SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS integer[]), CAST(? AS text[]), CAST(? AS text[]),
			        CAST(? AS text[])) AS m (request_id, attempt, inbound_trunk_id, outbound_trunk_id, entry)
			), trunk AS (
			    INSERT INTO sip_trunks (account_id, request_id, %s, inbound_trunk_id, outbound_trunk_id)
			    SELECT r.account_id, r.id, %s, m.inbound_trunk_id, m.outbound_trunk_id
			    FROM provisioning_requests r JOIN made m ON m.request_id = r.id
			    WHERE r.status = 'pending' AND r.attempts = m.attempt
			    ORDER BY r.id
			    FOR UPDATE OF r
			    RETURNING id, account_id, request_id, inbound_trunk_id, outbound_trunk_id, created_at
			), request AS (
			    UPDATE provisioning_requests r
			    SET status = 'provisioned', trunk_id = trunk.id, completed_at = trunk.created_at,
			        updated_at = trunk.created_at, lease_until = NULL,
			        attempt_history = r.attempt_history || CAST(m.entry AS jsonb)
			    FROM trunk JOIN made m ON m.request_id = trunk.request_id
			    WHERE r.id = trunk.request_id
			)
			SELECT id, account_id, request_id, inbound_trunk_id, outbound_trunk_id, created_at FROM trunk
			""".formatted(TrunkColumns.NAMES, TrunkColumns.names("r"));

	/**
	 * Commits the trunks in one statement: the trunks' rows and the requests' new status,
	 * guarded by the requests' row locks (taken in id order).
	 */
	@Override
	Map<UUID, TrunkProvisioned> commitProvisioned(List<Provisioned> provisioned) {
		return this.jdbc.sql(COMMIT_PROVISIONED)
			.param(provisioned.stream().map((made) -> made.request().id()).toArray(UUID[]::new))
			.param(provisioned.stream().map((made) -> made.request().attempts()).toArray(Integer[]::new))
			.param(provisioned.stream().map(Provisioned::inboundTrunkId).toArray(String[]::new))
			.param(provisioned.stream().map(Provisioned::outboundTrunkId).toArray(String[]::new))
			.param(provisioned.stream().map(Provisioned::historyEntry).toArray(String[]::new))
			// The outcome's time is the trunk's created_at: the gateway answers with it.
			.query((rs, row) -> TrunkProvisioned.of(rs.getObject("request_id", UUID.class), rs.getLong("account_id"),
					rs.getLong("id"), rs.getString("inbound_trunk_id"), rs.getString("outbound_trunk_id"),
					rs.getTimestamp("created_at").toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(TrunkProvisioned::requestId, (outcome) -> outcome));
	}

	@Override
	Optional<TrunkProvisioningFailed> commitFailed(TrunkRequest request, String reason, String historyEntry) {
		return this.jdbc.sql("""
				UPDATE provisioning_requests
				SET status = 'failed', failure_reason = :reason, completed_at = now(), updated_at = now(),
				    lease_until = NULL, attempt_history = attempt_history || CAST(:entry AS jsonb)
				WHERE id = :id AND status = 'pending' AND attempts = :attempt
				RETURNING completed_at
				""")
			.param("reason", reason)
			.param("entry", historyEntry)
			.param("id", request.id())
			.param("attempt", request.attempts())
			.query(Timestamp.class)
			.optional()
			.map((at) -> TrunkProvisioningFailed.of(request.id(), request.accountId(), reason, at.toInstant()));
	}

	/**
	 * @param unclaimedGrace how long a never-claimed request may wait for its event
	 * before it counts as stalled
	 * @param limit the most to return
	 * @return pending requests that nobody is working on: their lease expired, or they
	 * were never claimed
	 */
	public List<UUID> stalled(Duration unclaimedGrace, int limit) {
		return this.jdbc.sql("""
				SELECT id FROM provisioning_requests
				WHERE status = 'pending'
				  AND ((lease_until IS NOT NULL AND lease_until < now())
				       OR (lease_until IS NULL AND created_at < now() - make_interval(secs => :grace)))
				ORDER BY created_at LIMIT :limit
				""").param("grace", seconds(unclaimedGrace)).param("limit", limit).query(UUID.class).list();
	}

	/**
	 * @param requestIds requests named by trunk markers
	 * @return the status and committed trunk ids of those that exist
	 */
	public Map<UUID, KnownRequest> known(Collection<UUID> requestIds) {
		if (requestIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				SELECT r.id, r.status, t.inbound_trunk_id, t.outbound_trunk_id
				FROM provisioning_requests r LEFT JOIN sip_trunks t ON t.request_id = r.id
				WHERE r.id = ANY(?)
				""")
			.param(requestIds.toArray(UUID[]::new))
			.query((rs, row) -> new KnownRequest(rs.getObject("id", UUID.class),
					ProvisioningStatus.fromColumn(rs.getString("status")), rs.getString("inbound_trunk_id"),
					rs.getString("outbound_trunk_id")))
			.list()
			.stream()
			.collect(Collectors.toMap(KnownRequest::id, (known) -> known));
	}

	/**
	 * A request as the reconciler needs it.
	 *
	 * @param id the request
	 * @param status pending, provisioned or failed
	 * @param inboundTrunkId the committed inbound trunk, if provisioned
	 * @param outboundTrunkId the committed outbound trunk, if provisioned
	 */
	public record KnownRequest(UUID id, ProvisioningStatus status, String inboundTrunkId, String outboundTrunkId) {

		public boolean owns(String trunkId) {
			return trunkId.equals(this.inboundTrunkId) || trunkId.equals(this.outboundTrunkId);
		}

	}

	private static TrunkRequest request(ResultSet rs, int row) throws SQLException {
		return new TrunkRequest(rs.getObject("id", UUID.class), rs.getLong("account_id"), TrunkColumns.read(rs),
				new EncryptedSecret(rs.getString("sip_password_key_id"), rs.getBytes("sip_password_ciphertext")),
				rs.getInt("attempts"), rs.getString("give_up_reason"));
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
