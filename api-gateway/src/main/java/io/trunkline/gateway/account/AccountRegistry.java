package io.trunkline.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens accounts, issues their API keys and resolves a bearer token to its account. Keys
 * are random 256-bit tokens with a {@code tk_} prefix, stored as SHA-256 digests: a fast
 * digest is enough for tokens of that entropy, and it makes the lookup a single indexed
 * equality.
 */
@Service
public class AccountRegistry {

	private static final Logger logger = LoggerFactory.getLogger(AccountRegistry.class);

	/**
	 * The first key of the advisory lock that serialises bootstrapping (the second is the
	 * account name's hash): a constant no other lock of this database uses.
	 */
	private static final int BOOTSTRAP_LOCK_CLASS = 0x746b_6273;

	private final SecureRandom random = new SecureRandom();

	private final ConfirmedKeys confirmedKeys = new ConfirmedKeys();

	private final Accounts accounts;

	private final ApiKeys apiKeys;

	private final JdbcClient jdbc;

	AccountRegistry(Accounts accounts, ApiKeys apiKeys, JdbcClient jdbc) {
		this.accounts = accounts;
		this.apiKeys = apiKeys;
		this.jdbc = jdbc;
	}

	/**
	 * Opens an account and issues its first key.
	 * @param name a label for operators
	 * @return the new key, in clear for the only time
	 */
	@Transactional
	public IssuedKey open(String name) {
		Account account = this.accounts.save(Account.named(name));
		logger.info("Opened account {} ({})", account.id(), name);
		return issue(account.id(), newToken(), "initial");
	}

	/**
	 * Issues another key to an account.
	 * @param accountId the account
	 * @param label a label for operators
	 * @return the new key
	 */
	@Transactional
	public IssuedKey issueKey(long accountId, String label) {
		return issue(accountId, newToken(), label);
	}

	/**
	 * Makes sure the given token authenticates the named account, opening it if needed.
	 * Used to give the local stack and demos a key known in advance. A key that was
	 * revoked stays revoked: it is never issued again.
	 * @param accountName the account
	 * @param token the token to accept
	 * @return the account the token authenticates, or empty when it was revoked
	 */
	@Transactional
	OptionalLong ensureKey(String accountName, String token) {
		// Replicas starting together on an empty database take turns (the lock ends with
		// the transaction): the first opens the account and issues the key, the others
		// find it, instead of one failing on the key's unique index.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
			.params(BOOTSTRAP_LOCK_CLASS, accountName.hashCode())
			.query((rs, row) -> null)
			.list();
		Optional<ApiKey> known = this.apiKeys.findByKeyDigest(digest(token));
		if (known.isPresent()) {
			ApiKey key = known.get();
			if (key.revokedAt() != null) {
				logger.warn(
						"The configured bootstrap API key (key {} of account {}) was revoked at {} and stays revoked: "
								+ "remove TRUNKLINE_BOOTSTRAP_API_KEY or set a new key",
						key.id(), key.accountId(), key.revokedAt());
				return OptionalLong.empty();
			}
			return OptionalLong.of(key.accountId());
		}
		Account account = this.accounts.findFirstByNameOrderById(accountName)
			.orElseGet(() -> this.accounts.save(Account.named(accountName)));
		issue(account.id(), token, "bootstrap");
		logger.info("Accepted the bootstrap API key for account {} ({})", account.id(), accountName);
		return OptionalLong.of(account.id());
	}

	/**
	 * Resolves a bearer token. A key the database confirmed is trusted for
	 * {@link ConfirmedKeys#TRUST} without asking again, so a revoked key may still work
	 * that long.
	 * @param token a bearer token
	 * @return the account it authenticates, or empty
	 */
	public OptionalLong authenticate(String token) {
		if (token == null || token.isEmpty() || token.length() > 200) {
			return OptionalLong.empty();
		}
		String digest = digest(token);
		OptionalLong cached = this.confirmedKeys.accountOf(digest);
		if (cached.isPresent()) {
			return cached;
		}
		OptionalLong account = this.apiKeys.findByKeyDigestAndRevokedAtIsNull(digest)
			.map((key) -> OptionalLong.of(key.accountId()))
			.orElseGet(OptionalLong::empty);
		this.confirmedKeys.remember(digest, account);
		return account;
	}

	/**
	 * @param accountId an account id
	 * @return whether the account exists
	 */
	public boolean exists(long accountId) {
		return this.accounts.existsById(accountId);
	}

	private IssuedKey issue(long accountId, String token, String label) {
		this.apiKeys.save(new ApiKey(null, accountId, digest(token), label, Instant.now(), null));
		logger.info("Issued an API key ({}) to account {}", label, accountId);
		return new IssuedKey(accountId, token);
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return "tk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String digest(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
