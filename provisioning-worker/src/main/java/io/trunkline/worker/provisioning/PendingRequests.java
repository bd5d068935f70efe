package io.trunkline.worker.provisioning;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.trunkline.schema.provisioning.ProvisioningOutcome;
import io.trunkline.schema.provisioning.TrunkProvisioned;
import io.trunkline.schema.provisioning.TrunkProvisioningFailed;
import io.trunkline.schema.secret.EncryptedSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The worker's access to provisioning requests: claims with a lease, and the commits that
 * end a request.
 * <p>
 * A claim is one committed {@code UPDATE} that only succeeds on a pending request whose
 * lease is free or expired, so two workers never provision the same request at once (a
 * duplicate delivery during a rebalance finds it claimed). A worker that dies mid-way
 * leaves its lease to expire; the stalled-request sweeper then drives the request again,
 * and the new claim's attempt count tells it to look for trunks the dead worker made.
 */
@Component
public class PendingRequests {

	private final JdbcClient jdbc;

	PendingRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims every request of the batch that is pending and free, in one statement.
	 * @return the claimed requests; the others ended, are claimed by another worker, or
	 * do not exist ({@link #standingOf})
	 */
	List<TrunkRequest> claim(Collection<UUID> requestIds, Duration lease) {
		return this.jdbc.sql("""
				UPDATE provisioning_requests
				SET attempts = attempts + 1, lease_until = now() + make_interval(secs => ?), updated_at = now()
				WHERE id = ANY(?) AND status = 'pending' AND (lease_until IS NULL OR lease_until < now())
				RETURNING id, account_id, sip_trunk_type, phone_number, nickname, sip_username, sip_password_key_id,
				    sip_password_ciphertext, sip_address, sip_calling_format, inbound_authorization_type,
				    allowed_inbound_ips, outbound_proxy, country_code, attempts
				""")
			.param(lease.toMillis() / 1000.0)
			.param(requestIds.toArray(UUID[]::new))
			.query(PendingRequests::request)
			.list();
	}

	/**
	 * @param requestIds requests a worker could not claim
	 * @return where each stands; a request that does not exist is
	 * {@link Standing#MISSING}
	 */
	Map<UUID, Standing> standingOf(Collection<UUID> requestIds) {
		Map<UUID, Standing> found = this.jdbc.sql("""
				SELECT r.id, r.account_id, r.status, r.failure_reason, r.completed_at, t.id AS trunk_id,
				    t.inbound_trunk_id, t.outbound_trunk_id, t.created_at AS trunk_created_at
				FROM provisioning_requests r LEFT JOIN sip_trunks t ON t.request_id = r.id
				WHERE r.id = ANY(?)
				""").param(requestIds.toArray(UUID[]::new)).query((rs, row) -> {
			UUID id = rs.getObject("id", UUID.class);
			long account = rs.getLong("account_id");
			return switch (rs.getString("status")) {
				case "pending" -> new Standing(id, RequestState.CLAIMED_ELSEWHERE, null);
				case "provisioned" -> new Standing(id, RequestState.COMPLETED,
						TrunkProvisioned.of(id, account, rs.getLong("trunk_id"), rs.getString("inbound_trunk_id"),
								rs.getString("outbound_trunk_id"), rs.getTimestamp("trunk_created_at").toInstant()));
				default -> new Standing(id, RequestState.COMPLETED, TrunkProvisioningFailed.of(id, account,
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
	 * @param requestId a request
	 * @return its outcome, if it ended
	 */
	Optional<ProvisioningOutcome> outcomeOf(UUID requestId) {
		return Optional.ofNullable(standingOf(List.of(requestId)).get(requestId).outcome());
	}

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

	/**
	 * Commits the trunks of every request that is still pending, in one statement: the
	 * trunks' rows and the requests' new status, guarded by the requests' row locks (a
	 * request another worker ended meanwhile is left out).
	 * @return the committed outcomes by request id; a request missing from it had already
	 * ended
	 */
	Map<UUID, TrunkProvisioned> commitProvisioned(List<Provisioned> provisioned) {
		return this.jdbc
			.sql("""
					WITH made AS (
					    SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
					        AS m (request_id, inbound_trunk_id, outbound_trunk_id, entry)
					), trunk AS (
					    INSERT INTO sip_trunks (account_id, request_id, phone_number, nickname, sip_username, sip_address,
					        sip_calling_format, inbound_authorization_type, allowed_inbound_ips, outbound_proxy, country_code,
					        inbound_trunk_id, outbound_trunk_id)
					    SELECT r.account_id, r.id, r.phone_number, r.nickname, r.sip_username, r.sip_address,
					        r.sip_calling_format, r.inbound_authorization_type, r.allowed_inbound_ips, r.outbound_proxy,
					        r.country_code, m.inbound_trunk_id, m.outbound_trunk_id
					    FROM provisioning_requests r JOIN made m ON m.request_id = r.id
					    WHERE r.status = 'pending'
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
					""")
			.param(provisioned.stream().map((made) -> made.request().id()).toArray(UUID[]::new))
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

	/**
	 * Marks the request failed, if it is still pending.
	 * @return the committed outcome, or empty when the request had already ended
	 */
	Optional<TrunkProvisioningFailed> commitFailed(TrunkRequest request, String reason, String historyEntry) {
		return this.jdbc.sql("""
				UPDATE provisioning_requests
				SET status = 'failed', failure_reason = :reason, completed_at = now(), updated_at = now(),
				    lease_until = NULL, attempt_history = attempt_history || CAST(:entry AS jsonb)
				WHERE id = :id AND status = 'pending'
				RETURNING completed_at
				""")
			.param("reason", reason)
			.param("entry", historyEntry)
			.param("id", request.id())
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
				""").param("grace", unclaimedGrace.toMillis() / 1000.0).param("limit", limit).query(UUID.class).list();
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
			.query((rs, row) -> new KnownRequest(rs.getObject("id", UUID.class), rs.getString("status"),
					rs.getString("inbound_trunk_id"), rs.getString("outbound_trunk_id")))
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
	public record KnownRequest(UUID id, String status, String inboundTrunkId, String outboundTrunkId) {

		public boolean owns(String trunkId) {
			return trunkId.equals(this.inboundTrunkId) || trunkId.equals(this.outboundTrunkId);
		}

	}

	private static TrunkRequest request(ResultSet rs, int row) throws SQLException {
		Array ips = rs.getArray("allowed_inbound_ips");
		return new TrunkRequest(rs.getObject("id", UUID.class), rs.getLong("account_id"),
				rs.getString("sip_trunk_type"), rs.getString("phone_number"), rs.getString("nickname"),
				rs.getString("sip_username"),
				new EncryptedSecret(rs.getString("sip_password_key_id"), rs.getBytes("sip_password_ciphertext")),
				rs.getString("sip_address"), rs.getString("sip_calling_format"),
				rs.getString("inbound_authorization_type"),
				(ips != null) ? Arrays.asList((String[]) ips.getArray()) : List.of(), rs.getBoolean("outbound_proxy"),
				rs.getString("country_code"), rs.getInt("attempts"));
	}

}
