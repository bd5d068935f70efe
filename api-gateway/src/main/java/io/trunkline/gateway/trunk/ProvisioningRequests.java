package io.trunkline.gateway.trunk;

import java.sql.Array;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.trunkline.gateway.outbox.Outbox;
import io.trunkline.schema.Topics;
import io.trunkline.schema.provisioning.ProvisionTrunk;
import io.trunkline.schema.secret.EncryptedSecret;
import io.trunkline.schema.secret.SecretCipher;
import io.trunkline.schema.trunk.ProvisioningStatus;
import io.trunkline.schema.trunk.TrunkDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts create requests: records each as pending, with its password encrypted, together
 * with the outbox event that asks the worker to provision it, in one statement.
 */
@Service
public class ProvisioningRequests {

	private static final Logger logger = LoggerFactory.getLogger(ProvisioningRequests.class);

	private static final String TAKEN_SINCE = "Another live SIP trunk or create has taken this phone number since it failed.";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final SecretCipher cipher;

	private final JsonMapper json;

	private final Clock clock;

	ProvisioningRequests(JdbcClient jdbc, Outbox outbox, SecretCipher cipher, JsonMapper json) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.cipher = cipher;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Records a create request as pending and asks for it to be provisioned.
	 * @param requestId the id the caller chose for the request (so it can await the
	 * outcome before it exists)
	 * @param accountId the owning account
	 * @param command the validated command
	 * @throws DuplicateTrunk when the account has a live trunk or request with the same
	 * number, username and address
	 * @throws PhoneNumberInUse when another live trunk or request of the installation
	 * holds the number
	 */
	public void submit(UUID requestId, long accountId, CreateTrunk command) {
		TrunkDefinition trunk = command.trunk();
		EncryptedSecret password = this.cipher.encrypt(command.sipPassword(), requestId.toString());
		Map<String, Object> request = new HashMap<>();
		request.put("id", requestId);
		request.put("account", accountId);
		request.put("type", trunk.type().wire());
		request.put("phone", trunk.phoneNumber());
		request.put("nickname", trunk.nickname());
		request.put("username", trunk.sipUsername());
		request.put("keyId", password.keyId());
		request.put("ciphertext", password.ciphertext());
		request.put("address", trunk.sipAddress());
		request.put("format", trunk.callingFormat().wire());
		request.put("inboundAuth", trunk.inboundAuthorization().wire());
		request.put("allowedIps",
				(trunk.allowedInboundIps() != null) ? trunk.allowedInboundIps().toArray(String[]::new) : null);
		request.put("proxy", trunk.outboundProxy());
		request.put("country", trunk.countryCode());
		ProvisionTrunk event = ProvisionTrunk.of(requestId, accountId, this.clock.instant());
		String payload = this.json.writeValueAsString(event);
		// A live request that held the number may end (fail) between the refused insert
		// and the look-up of its holder: then the insert is tried once more.
		for (int tries = 1; !insert(request, requestId, payload); tries++) {
			Optional<Identity> holder = liveHolderOf(trunk.phoneNumber());
			if (holder.isPresent() && holder.get().is(accountId, trunk.sipUsername(), trunk.sipAddress())) {
				throw new DuplicateTrunk();
			}
			if (holder.isPresent() || tries == 2) {
				throw new PhoneNumberInUse();
			}
		}
		logger.info("Accepted create request {} of account {} for {} at {}", requestId, accountId, trunk.phoneNumber(),
				trunk.sipAddress());
	}

	/**
	 * Inserts the request and its event in one statement: one round trip, no explicit
	 * transaction. A request whose called number a live request holds inserts neither.
	 * @return whether it was inserted
	 */
	private boolean insert(Map<String, Object> request, UUID requestId, String payload) {
		return this.outbox.appendWith(
				"""
						WITH change AS (
						    INSERT INTO provisioning_requests (id, account_id, status, sip_trunk_type, phone_number, nickname,
						        sip_username, sip_password_key_id, sip_password_ciphertext, sip_address, sip_calling_format,
						        inbound_authorization_type, allowed_inbound_ips, outbound_proxy, country_code)
						    VALUES (:id, :account, 'pending', :type, :phone, :nickname, :username, :keyId, :ciphertext, :address,
						        :format, :inboundAuth, :allowedIps, :proxy, :country)
						    ON CONFLICT DO NOTHING
						    RETURNING id
						)""",
				request, Topics.PROVISIONING_REQUESTS, requestId.toString(), "ProvisionTrunk", payload) > 0;
	}

	/**
	 * @param phoneNumber a phone number or extension
	 * @return the live (pending or provisioned) request that holds its called number,
	 * found by the same key as the database's unique index
	 */
	private Optional<Identity> liveHolderOf(String phoneNumber) {
		return this.jdbc.sql("""
				SELECT account_id, phone_number, sip_username, sip_address FROM provisioning_requests
				WHERE called_number_key(phone_number) = called_number_key(?) AND status <> 'failed'
				""")
			.param(phoneNumber)
			.query((rs, row) -> new Identity(rs.getLong("account_id"), rs.getString("phone_number"),
					rs.getString("sip_username"), rs.getString("sip_address")))
			.optional();
	}

	/**
	 * Who a request is: its account and identity (number, username, address).
	 */
	private record Identity(long accountId, String phoneNumber, String sipUsername, String sipAddress) {

		boolean is(long account, String username, String address) {
			return this.accountId == account && this.sipUsername.equals(username) && this.sipAddress.equals(address);
		}

	}

	/**
	 * Provisions a failed request again, for an operator: it becomes pending (with its
	 * original password) and its command is published again, in one transaction. The
	 * worker's bounds on attempts and age count from the replay; the attempt count itself
	 * goes on growing, as the worker fences its writes with it.
	 * @param requestId the failed request
	 * @return the account that owns it
	 * @throws TrunkNotFound when there is no such request
	 * @throws RequestNotReplayable when it did not fail, or a live trunk or request has
	 * taken its phone number since
	 */
	@Transactional
	public long replay(UUID requestId) {
		Optional<Identity> failed = this.jdbc
			.sql("SELECT status, account_id, phone_number, sip_username, sip_address FROM provisioning_requests "
					+ "WHERE id = ? FOR UPDATE")
			.param(requestId)
			.query((rs, row) -> {
				String status = rs.getString("status");
				if (!"failed".equals(status)) {
					throw new RequestNotReplayable(
							"Only a failed request can be replayed; this one is " + status + ".");
				}
				return new Identity(rs.getLong("account_id"), rs.getString("phone_number"),
						rs.getString("sip_username"), rs.getString("sip_address"));
			})
			.optional();
		if (failed.isEmpty()) {
			throw new TrunkNotFound();
		}
		Identity replayed = failed.get();
		liveHolderOf(replayed.phoneNumber()).ifPresent((holder) -> {
			throw holder.is(replayed.accountId(), replayed.sipUsername(), replayed.sipAddress())
					? new RequestNotReplayable(
							"A SIP trunk with the same phone number, username, and address already exists.")
					: new RequestNotReplayable(TAKEN_SINCE);
		});
		long accountId;
		try {
			accountId = this.jdbc.sql("""
					UPDATE provisioning_requests
					SET status = 'pending', failure_reason = NULL, lease_until = NULL, completed_at = NULL,
					    updated_at = now(), replayed_at = now(), attempts_at_replay = attempts
					WHERE id = ?
					RETURNING account_id
					""").param(requestId).query(Long.class).single();
		}
		catch (DuplicateKeyException ex) {
			throw new RequestNotReplayable(TAKEN_SINCE);
		}
		this.outbox.append(Topics.PROVISIONING_REQUESTS, requestId.toString(), "ProvisionTrunk",
				this.json.writeValueAsString(ProvisionTrunk.of(requestId, accountId, this.clock.instant())));
		logger.info("Replaying failed request {} of account {} at an operator's request", requestId, accountId);
		return accountId;
	}

	/**
	 * @param limit the most to return
	 * @return the most recently failed requests, newest first, for operators
	 */
	public List<FailedRequest> failed(int limit) {
		return this.jdbc.sql("""
				SELECT id, account_id, phone_number, sip_address, failure_reason, attempts,
				    attempt_history::text AS history, completed_at
				FROM provisioning_requests WHERE status = 'failed' ORDER BY completed_at DESC LIMIT ?
				""")
			.param(limit)
			.query((rs, row) -> new FailedRequest(rs.getObject("id", UUID.class), rs.getLong("account_id"),
					rs.getString("phone_number"), rs.getString("sip_address"), rs.getString("failure_reason"),
					rs.getInt("attempts"), rs.getString("history"), rs.getTimestamp("completed_at").toInstant()))
			.list();
	}

	/**
	 * @param requestId a request id
	 * @param accountId the caller's account
	 * @return the request, if it belongs to that account
	 */
	public Optional<ProvisioningRequest> find(UUID requestId, long accountId) {
		return this.jdbc.sql("""
				SELECT id, status, trunk_id, failure_reason, created_at FROM provisioning_requests
				WHERE id = ? AND account_id = ?
				""")
			.params(requestId, accountId)
			.query((rs, row) -> new ProvisioningRequest(rs.getObject("id", UUID.class),
					ProvisioningStatus.fromColumn(rs.getString("status")), (Long) rs.getObject("trunk_id"),
					rs.getString("failure_reason"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

}
