package io.trunkline.gateway.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

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

	/** How long an authenticated key is trusted without asking the database again. */
	static final long KEY_CACHE_NANOS = 30_000_000_000L;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, CachedKey> authenticated = new ConcurrentHashMap<>();

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
	 * @param token a bearer token
	 * @return the account it authenticates, or empty
	 */
	public OptionalLong authenticate(String token) {
		if (token == null || token.isEmpty() || token.length() > 200) {
			return OptionalLong.empty();
		}
		String digest = digest(token);
		long now = System.nanoTime();
		CachedKey cached = this.authenticated.get(digest);
		if (cached != null && now - cached.checkedAt() < KEY_CACHE_NANOS) {
			return OptionalLong.of(cached.accountId());
		}
		OptionalLong account = this.apiKeys.findByKeyDigestAndRevokedAtIsNull(digest)
			.map((key) -> OptionalLong.of(key.accountId()))
			.orElseGet(OptionalLong::empty);
		if (account.isPresent()) {
			if (this.authenticated.size() > 100_000) {
				this.authenticated.clear();
			}
			this.authenticated.put(digest, new CachedKey(account.getAsLong(), now));
		}
		else {
			this.authenticated.remove(digest);
		}
		return account;
	}

	/**
	 * A key the database confirmed: the benchmark's profile showed the per-request lookup
	 * as a fifth of the gateway's request CPU. Only valid keys are remembered, for 30 s,
	 * so a key revoked in the database stops working within 30 s on every replica.
	 */
	private record CachedKey(long accountId, long checkedAt) {
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
