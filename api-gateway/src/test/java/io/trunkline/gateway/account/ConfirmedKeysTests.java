package io.trunkline.gateway.account;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A confirmed key is trusted for 30 s from its confirmation, however often it is used;
 * keys the database refused are never remembered; the number held is bounded.
 */
class ConfirmedKeysTests {

	private final AtomicLong nanos = new AtomicLong();

	private final ConfirmedKeys keys = new ConfirmedKeys(this.nanos::get);

	@Test
	void trustsAConfirmedKeyForThirtySeconds() {
		this.keys.remember("alice-key", OptionalLong.of(7));

		elapse(ConfirmedKeys.TRUST.minusNanos(1));

		assertThat(this.keys.accountOf("alice-key")).hasValue(7);
	}

	@Test
	void asksAgainThirtySecondsAfterTheConfirmationEvenForAKeyInConstantUse() {
		this.keys.remember("alice-key", OptionalLong.of(7));
		for (int second = 0; second < 29; second++) {
			elapse(Duration.ofSeconds(1));
			this.keys.accountOf("alice-key");
		}

		elapse(Duration.ofSeconds(1));

		assertThat(this.keys.accountOf("alice-key")).isEmpty();
	}

	@Test
	void trustsAKeyAgainForThirtySecondsOnceTheDatabaseConfirmsItAgain() {
		this.keys.remember("alice-key", OptionalLong.of(7));
		elapse(ConfirmedKeys.TRUST);

		this.keys.remember("alice-key", OptionalLong.of(7));
		elapse(ConfirmedKeys.TRUST.minusNanos(1));

		assertThat(this.keys.accountOf("alice-key")).hasValue(7);
	}

	@Test
	void neverRemembersAKeyTheDatabaseRefused() {
		this.keys.remember("unknown-key", OptionalLong.empty());

		assertThat(this.keys.accountOf("unknown-key")).isEmpty();
		assertThat(this.keys.size()).isZero();
	}

	@Test
	void forgetsAKeyAsSoonAsTheDatabaseRefusesIt() {
		this.keys.remember("revoked-key", OptionalLong.of(7));

		this.keys.remember("revoked-key", OptionalLong.empty());

		assertThat(this.keys.accountOf("revoked-key")).isEmpty();
	}

	@Test
	void holdsNoMoreThanItsCapacity() {
		long keysConfirmed = ConfirmedKeys.CAPACITY + 1_000;
		for (long key = 0; key < keysConfirmed; key++) {
			this.keys.remember("key-" + key, OptionalLong.of(key));
		}

		long held = this.keys.size();

		assertThat(held).isLessThanOrEqualTo(ConfirmedKeys.CAPACITY).isGreaterThan(ConfirmedKeys.CAPACITY / 2);
	}

	private void elapse(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
