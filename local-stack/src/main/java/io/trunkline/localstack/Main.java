package io.trunkline.localstack;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar local-stack/target/local-stack.jar}: starts the local stack from the
 * environment and prints one line when it is ready.
 * <ul>
 * <li>{@code SERVER_PORT}: the API's port (default 8080)</li>
 * <li>{@code TRUNKLINE_BOOTSTRAP_API_KEY}: the demo account's API key (default: a fresh
 * one, printed)</li>
 * <li>{@code LIVEKIT_URL}, {@code LIVEKIT_API_KEY}, {@code LIVEKIT_API_SECRET}: a real
 * LiveKit (default: the stand-in)</li>
 * <li>{@code TRUNKLINE_STANDIN_LATENCY_MS}: latency the stand-in adds to every LiveKit
 * call (default 0; the benchmarks use 50)</li>
 * <li>{@code TRUNKLINE_OUTBOUND_PROXY_ADDRESS}: the fixed-IP outbound proxy (default with
 * the stand-in: a placeholder so that {@code outbound_proxy: true} can be tried)</li>
 * </ul>
 */
public final class Main {

	private static final Logger logger = LoggerFactory.getLogger(Main.class);

	private static final int PARTITIONS = 16;

	private Main() {
	}

	public static void main(String[] args) {
		Map<String, String> env = System.getenv();
		int port = Integer.parseInt(env.getOrDefault("SERVER_PORT", "8080"));
		String apiKey = env.getOrDefault("TRUNKLINE_BOOTSTRAP_API_KEY", "");
		if (apiKey.isBlank()) {
			apiKey = "tk_local_" + randomToken();
		}
		LocalStackOptions.LiveKit liveKit = null;
		String url = env.getOrDefault("LIVEKIT_URL", "");
		if (!url.isBlank()) {
			liveKit = new LocalStackOptions.LiveKit(url, env.getOrDefault("LIVEKIT_API_KEY", ""),
					env.getOrDefault("LIVEKIT_API_SECRET", ""));
		}
		String proxy = env.getOrDefault("TRUNKLINE_OUTBOUND_PROXY_ADDRESS", "");
		if (proxy.isBlank()) {
			proxy = (liveKit == null) ? "sip-proxy.trunkline.local:5060" : null;
		}
		// The embedded broker's test kit deletes its directories in a hook of its own; it
		// complains when it races ours.
		System.setProperty("logging.level.org.apache.kafka.common.test.TestUtils", "OFF");
		long started = System.nanoTime();
		LocalStack stack;
		try {
			// 16 partitions, each with its own consumer thread unless
			// TRUNKLINE_WORKER_CONCURRENCY says otherwise: a consumer thread waits for
			// its poll's creates, so more of them keep a record from waiting for the
			// poll before it.
			Object concurrency = env.getOrDefault("TRUNKLINE_WORKER_CONCURRENCY", Integer.toString(PARTITIONS));
			stack = LocalStack.start(new LocalStackOptions(port, apiKey, liveKit, proxy, PARTITIONS,
					Map.of("spring.kafka.listener.concurrency", concurrency)));
		}
		catch (RuntimeException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			logger.error("Trunkline could not start: {}", cause.toString(), ex);
			System.exit(1);
			return;
		}
		stopCleanlyOn(stack, "TERM", "INT");
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
		long latency = Long.parseLong(env.getOrDefault("TRUNKLINE_STANDIN_LATENCY_MS", "0"));
		if (stack.standIn() != null && latency > 0) {
			stack.standIn().setLatency(Duration.ofMillis(latency));
		}
		String voice = (stack.standIn() != null) ? "the LiveKit stand-in at " + stack.liveKitUrl()
				: "LiveKit at " + stack.liveKitUrl();
		logger.info("Started in {} ms", (System.nanoTime() - started) / 1_000_000);
		System.out.println("Trunkline is ready: API " + stack.baseUrl() + "/api  API key " + apiKey
				+ "  (provisioning on " + voice + ")");
	}

	/**
	 * Stops the stack in order on SIGTERM and Ctrl-C, before the JVM runs its shutdown
	 * hooks: the embedded broker's test kit deletes its directories in a hook of its own,
	 * which would otherwise race the broker's last writes.
	 */
	@SuppressWarnings("restriction")
	private static void stopCleanlyOn(LocalStack stack, String... signals) {
		for (String name : signals) {
			sun.misc.Signal.handle(new sun.misc.Signal(name), (signal) -> {
				logger.info("Stopping on SIG{}", signal.getName());
				stack.close();
				logger.info("Trunkline stopped");
				System.exit(0);
			});
		}
	}

	private static String randomToken() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
