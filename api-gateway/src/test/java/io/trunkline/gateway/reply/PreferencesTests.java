package io.trunkline.gateway.reply;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Prefer} header (RFC 7240) as a create reads it: {@code respond-async},
 * {@code wait=N} that only ever shortens the configured wait, anything else ignored.
 */
class PreferencesTests {

	static final Duration CONFIGURED = Duration.ofSeconds(25);

	@Test
	void withoutTheHeaderTheCreateWaitsTheConfiguredTime() {
		Preferences preferences = Preferences.parse(null);

		assertThat(preferences.respondAsync()).isFalse();
		assertThat(preferences.wait(CONFIGURED)).isEqualTo(CONFIGURED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "respond-async", "Respond-Async", "handling=lenient, respond-async", "wait=0",
			"respond-async; wait=10" })
	void asksForTheAsynchronousAnswer(String header) {
		assertThat(Preferences.parse(header).respondAsync()).isTrue();
	}

	@Test
	void aShorterWaitIsTaken() {
		assertThat(Preferences.parse("wait=3").wait(CONFIGURED)).isEqualTo(Duration.ofSeconds(3));
		assertThat(Preferences.parse("wait=3").respondAsync()).isFalse();
	}

	@Test
	void aLongerWaitNeverLengthensTheConfiguredOne() {
		assertThat(Preferences.parse("wait=600").wait(CONFIGURED)).isEqualTo(CONFIGURED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "wait=", "wait=-1", "wait=abc", "wait=1234567", "wait=1.5", "lenient", "" })
	void anUnreadableWaitIsIgnored(String header) {
		Preferences preferences = Preferences.parse(header);

		assertThat(preferences.respondAsync()).isFalse();
		assertThat(preferences.wait(CONFIGURED)).isEqualTo(CONFIGURED);
	}

}
