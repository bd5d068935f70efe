package io.trunkline.worker.voice.livekit;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The worker talks to LiveKit over TLS, and in plain text only to its own host unless an
 * operator says otherwise.
 */
class LiveKitSettingsTests {

	@ParameterizedTest
	@CsvSource({ "https://my-project.livekit.cloud, https://my-project.livekit.cloud",
			"wss://my-project.livekit.cloud/, https://my-project.livekit.cloud",
			"WSS://My-Project.livekit.cloud:7443, https://My-Project.livekit.cloud:7443",
			"http://127.0.0.1:7880, http://127.0.0.1:7880", "ws://localhost:7880/, http://localhost:7880",
			"ws://[::1]:7880, http://[::1]:7880", "http://127.10.0.3:7880, http://127.10.0.3:7880" })
	void callsTheServerOverHttpsOrOverPlainTextOnLoopback(String configured, String called) {
		assertThat(settings(configured, false).url()).isEqualTo(called);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://livekit.internal:7880", "http://10.0.0.5:7880", "ws://192.168.1.20",
			"http://128.0.0.1", "http://localhost.example.com", "http://[::2]:7880", "ws://127.0.0.1.nip.io" })
	void refusesPlainTextToAnotherHost(String configured) {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(configured, false))
			.withMessageContaining("plain text")
			.withMessageContaining("LIVEKIT_ALLOW_PLAINTEXT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws://livekit.internal:7880", "http://10.0.0.5:7880" })
	void acceptsPlainTextToAnotherHostWhenAllowed(String configured) {
		assertThat(settings(configured, true).url()).startsWith("http://");
	}

	@ParameterizedTest
	@ValueSource(strings = { "my-project.livekit.cloud", "ftp://my-project.livekit.cloud", "https://",
			"https://user:secret@my-project.livekit.cloud", "https://my-project.livekit.cloud?x=1", "not a url" })
	void refusesWhatIsNotAServerAddress(String configured) {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(configured, true));
	}

	private static LiveKitSettings settings(String url, boolean allowPlainText) {
		return new LiveKitSettings(url, "key", "secret", Duration.ofSeconds(2), Duration.ofSeconds(5),
				Duration.ofMinutes(10), allowPlainText);
	}

}
