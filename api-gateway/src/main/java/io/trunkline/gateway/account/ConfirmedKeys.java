package io.trunkline.gateway.account;

import java.time.Duration;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The API keys the database confirmed lately, by digest: the benchmark's profile showed
 * the per-request lookup as a fifth of the gateway's request CPU. Only valid keys are
 * remembered, each for {@link #TRUST} from the moment the database confirmed it, however
 * often it is used meanwhile: a key revoked in the database stops working within that
 * time on every replica. At most {@link #CAPACITY} keys are held; past that the least
 * likely to be used again are forgotten.
 */
final class ConfirmedKeys {

	/** How long a confirmed key is trusted without asking the database again. */
	static final Duration TRUST = Duration.ofSeconds(30);

	/** The most keys remembered at once. */
	static final long CAPACITY = 100_000;

	private final Cache<String, Long> accounts;

	ConfirmedKeys() {
		this(Ticker.systemTicker());
	}

	/**
	 * @param ticker the clock that expiry is measured on
	 */
	ConfirmedKeys(Ticker ticker) {
		// After write, not after access: a key in constant use must still be checked
		// again every TRUST, or its revocation would never take effect.
		this.accounts = Caffeine.newBuilder().expireAfterWrite(TRUST).maximumSize(CAPACITY).ticker(ticker).build();
	}

	/**
	 * @param digest the key's digest
	 * @return the account the key authenticated when it was confirmed less than
	 * {@link #TRUST} ago, or empty: then the database has to be asked
	 */
	OptionalLong accountOf(String digest) {
		Long account = this.accounts.getIfPresent(digest);
		return (account != null) ? OptionalLong.of(account) : OptionalLong.empty();
	}

	/**
	 * Records what the database answered for a key: an account is remembered, no account
	 * (the key is unknown or revoked) forgets the key.
	 * @param digest the key's digest
	 * @param account the account, or empty
	 */
	void remember(String digest, OptionalLong account) {
		if (account.isPresent()) {
			this.accounts.put(digest, account.getAsLong());
		}
		else {
			this.accounts.invalidate(digest);
		}
	}

	/**
	 * @return how many keys are held, once pending evictions have run
	 */
	long size() {
		this.accounts.cleanUp();
		return this.accounts.estimatedSize();
	}

}
