package io.trunkline.localstack;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trunkline.gateway.GatewayApplication;
import io.trunkline.livekit.standin.LiveKitStandIn;
import io.trunkline.local.kafka.LocalKafka;
import io.trunkline.local.postgres.LocalPostgres;
import io.trunkline.schema.secret.SecretCipher;
import io.trunkline.worker.WorkerApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the whole system in one JVM: an embedded PostgreSQL, an in-process KRaft Kafka
 * broker, the LiveKit stand-in (unless real LiveKit credentials are given), and the
 * api-gateway and the provisioning-worker, each in its own Spring context as they are
 * separate services in production. Tests start more gateways and workers on the same
 * infrastructure to exercise replicas.
 */
public final class LocalStack implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalStack.class);

	/** The installation name of a local stack without {@code TRUNKLINE_INSTALLATION}. */
	public static final String LOCAL_INSTALLATION = "trunkline-local";

	private final LocalStackOptions options;

	private final LocalPostgres postgres;

	private final LocalKafka kafka;

	private final LiveKitStandIn standIn;

	private final String liveKitUrl;

	private final String liveKitKey;

	private final String liveKitSecret;

	private final String keyRing = SecretCipher.randomKeyRing();

	private final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

	private LocalStack(LocalStackOptions options) {
		this.options = options;
		this.postgres = LocalPostgres.start(0, "trunkline");
		this.kafka = LocalKafka.start();
		if (options.liveKit() != null) {
			this.standIn = null;
			this.liveKitUrl = options.liveKit().url();
			this.liveKitKey = options.liveKit().apiKey();
			this.liveKitSecret = options.liveKit().apiSecret();
		}
		else {
			this.liveKitKey = "trunkline-local";
			this.liveKitSecret = randomSecret();
			this.standIn = LiveKitStandIn.start(0, this.liveKitKey, this.liveKitSecret);
			this.liveKitUrl = this.standIn.url();
		}
	}

	/**
	 * Starts the infrastructure, one worker and one gateway.
	 * @param options what to start
	 * @return the running stack
	 */
	public static LocalStack start(LocalStackOptions options) {
		LocalStack stack = new LocalStack(options);
		try {
			// The gateway declares the topics the worker consumes.
			stack.startGateway(options.apiPort());
			stack.startWorker();
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	/**
	 * Starts another api-gateway replica.
	 * @param port its HTTP port, 0 for any
	 * @return its context
	 */
	public synchronized ConfigurableApplicationContext startGateway(int port) {
		Map<String, Object> properties = commonProperties();
		properties.put("server.port", port);
		properties.put("spring.application.name", "trunkline-api-gateway-" + (this.gateways.size() + 1));
		if (this.options.bootstrapApiKey() != null) {
			properties.put("trunkline.bootstrap.api-key", this.options.bootstrapApiKey());
		}
		ConfigurableApplicationContext context = GatewayApplication.application()
			.bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.run(arguments(properties));
		this.gateways.add(context);
		return context;
	}

	/**
	 * Starts another provisioning-worker.
	 * @return its context
	 */
	public synchronized ConfigurableApplicationContext startWorker() {
		Map<String, Object> properties = commonProperties();
		properties.put("server.port", 0);
		properties.put("livekit.url", this.liveKitUrl);
		properties.put("livekit.api-key", this.liveKitKey);
		properties.put("livekit.api-secret", this.liveKitSecret);
		properties.putIfAbsent("trunkline.installation", installation());
		ConfigurableApplicationContext context = WorkerApplication.application()
			.bannerMode(Banner.Mode.OFF)
			.registerShutdownHook(false)
			.run(arguments(properties));
		this.workers.add(context);
		return context;
	}

	/**
	 * Passes settings as command-line arguments, which outrank the services' own
	 * configuration files and the environment, as they must: the stack's embedded
	 * infrastructure replaces whatever those point at.
	 */
	private static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	private Map<String, Object> commonProperties() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", this.postgres.jdbcUrl());
		properties.put("spring.datasource.username", this.postgres.username());
		properties.put("spring.datasource.password", "");
		properties.put("spring.kafka.bootstrap-servers", this.kafka.bootstrapServers());
		properties.put("trunkline.secrets.keys", this.keyRing);
		properties.put("trunkline.topics.partitions", this.options.partitions());
		// The services share one logging system here: the logger names (gateway, worker)
		// tell their lines apart.
		properties.put("logging.include-application-name", false);
		if (this.options.outboundProxyAddress() != null) {
			properties.put("trunkline.outbound-proxy.address", this.options.outboundProxyAddress());
		}
		properties.putAll(this.options.properties());
		return properties;
	}

	/**
	 * @return the name the stack's trunks carry on LiveKit:
	 * {@code TRUNKLINE_INSTALLATION} when set (a local stack on a real LiveKit project
	 * shared with other installations must have its own), else
	 * {@value #LOCAL_INSTALLATION}
	 */
	public String installation() {
		String configured = System.getenv("TRUNKLINE_INSTALLATION");
		return (configured != null && !configured.isBlank()) ? configured : LOCAL_INSTALLATION;
	}

	/**
	 * @return the base URL of the first gateway, e.g. {@code http://127.0.0.1:8080}
	 */
	public String baseUrl() {
		return baseUrl(this.gateways.get(0));
	}

	/**
	 * @param gateway a gateway context of this stack
	 * @return its base URL
	 */
	public static String baseUrl(ConfigurableApplicationContext gateway) {
		int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
		return "http://127.0.0.1:" + port;
	}

	/**
	 * @return the LiveKit stand-in, or {@code null} when the stack provisions on a real
	 * LiveKit
	 */
	public LiveKitStandIn standIn() {
		return this.standIn;
	}

	/**
	 * @return the API secret of the stand-in, so tests can call it as another LiveKit
	 * client would
	 */
	public String liveKitSecretForTests() {
		if (this.standIn == null) {
			throw new IllegalStateException("The secret of a real LiveKit is not handed out");
		}
		return this.liveKitSecret;
	}

	public String liveKitUrl() {
		return this.liveKitUrl;
	}

	public LocalPostgres postgres() {
		return this.postgres;
	}

	public LocalKafka kafka() {
		return this.kafka;
	}

	public List<ConfigurableApplicationContext> gateways() {
		return List.copyOf(this.gateways);
	}

	public List<ConfigurableApplicationContext> workers() {
		return List.copyOf(this.workers);
	}

	/**
	 * Stops a worker abruptly-enough for tests: its context closes, its claims stay until
	 * their leases expire.
	 * @param worker the worker's context
	 */
	public synchronized void stop(ConfigurableApplicationContext worker) {
		worker.close();
		this.gateways.remove(worker);
		this.workers.remove(worker);
	}

	/**
	 * Stops everything in order: gateways (finishing their requests), workers, the
	 * stand-in, Kafka, PostgreSQL. The services' own shutdown hooks are off so that this
	 * order holds on SIGTERM.
	 */
	@Override
	public synchronized void close() {
		for (ConfigurableApplicationContext gateway : List.copyOf(this.gateways)) {
			closeQuietly(gateway);
		}
		for (ConfigurableApplicationContext worker : List.copyOf(this.workers)) {
			closeQuietly(worker);
		}
		this.gateways.clear();
		this.workers.clear();
		if (this.standIn != null) {
			this.standIn.close();
		}
		this.kafka.close();
		this.postgres.close();
	}

	private static void closeQuietly(ConfigurableApplicationContext context) {
		try {
			context.close();
		}
		catch (RuntimeException ex) {
			logger.warn("A service did not stop cleanly: {}", ex.toString());
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
