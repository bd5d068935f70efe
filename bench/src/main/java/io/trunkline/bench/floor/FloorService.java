package io.trunkline.bench.floor;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trunkline.livekit.standin.LiveKitStandIn;
import io.trunkline.local.postgres.LocalPostgres;

/**
 * The floor of one create: {@code POST /api/user/phone-numbers/sip-trunks} does, inline
 * on the request's thread, exactly the unavoidable work of a create (the inbound and the
 * outbound LiveKit create, concurrently as the worker makes them, then one committed
 * insert) and answers {@code 201}. It runs the same kinds of components as the local
 * stack, in its own JVM: a {@link LiveKitStandIn} with the same added latency and an
 * embedded PostgreSQL with the same settings, reached through a Hikari pool of the
 * stack's size.
 * <p>
 * {@code GET} on the same path answers {@code {"meta":{"total":n}}} like the API's
 * paginated list, and {@code POST /floor/reset?latency_ms=N} empties the floor and sets
 * the stand-in's latency, so one floor serves every step.
 * {@code java ... FloorService <port>} prints
 * {@code Floor is ready: http://127.0.0.1:<port>} when it listens; SIGTERM stops it.
 */
public final class FloorService {

	private static final String TRUNKS = "/api/user/phone-numbers/sip-trunks";

	private static final ObjectMapper json = new ObjectMapper();

	private final SipTrunkCalls liveKit;

	private final CommittedTrunks trunks;

	private final LiveKitStandIn standIn;

	/** Makes the outbound create while the request's thread makes the inbound one. */
	private final ExecutorService outboundCreates = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "floor-outbound-create");
		thread.setDaemon(true);
		return thread;
	});

	private FloorService(SipTrunkCalls liveKit, CommittedTrunks trunks, LiveKitStandIn standIn) {
		this.liveKit = liveKit;
		this.trunks = trunks;
		this.standIn = standIn;
	}

	public static void main(String[] args) throws IOException {
		int port = (args.length > 0) ? Integer.parseInt(args[0]) : 18090;
		String secret = randomSecret();
		LiveKitStandIn standIn = LiveKitStandIn.start(0, "floor", secret);
		LocalPostgres postgres = LocalPostgres.start(0, "floor");
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(postgres.jdbcUrl());
		pool.setUsername(postgres.username());
		pool.setPassword("");
		pool.setMaximumPoolSize(20);
		pool.setAutoCommit(true);
		HikariDataSource dataSource = new HikariDataSource(pool);
		CommittedTrunks trunks = new CommittedTrunks(dataSource);
		trunks.createTable();
		FloorService floor = new FloorService(new SipTrunkCalls(standIn.url(), "floor", secret), trunks, standIn);
		ExecutorService threads = Executors.newFixedThreadPool(64);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
		server.createContext(TRUNKS, floor::trunks);
		server.createContext("/floor/reset", floor::reset);
		server.setExecutor(threads);
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop(0);
			threads.shutdownNow();
			dataSource.close();
			standIn.close();
			postgres.close();
		}, "floor-shutdown"));
		System.out.println("Floor is ready: http://127.0.0.1:" + port + " (LiveKit stand-in at " + standIn.url()
				+ ", PostgreSQL on port " + postgres.port() + ")");
	}

	private void trunks(HttpExchange exchange) throws IOException {
		try {
			if ("GET".equals(exchange.getRequestMethod())) {
				answer(exchange, 200, "{\"meta\":{\"total\":" + this.trunks.count() + "}}");
				return;
			}
			TrunkFields trunk = TrunkFields.of(json.readTree(exchange.getRequestBody()));
			String marker = "{\"trunkline\":\"floor\",\"request\":\"" + UUID.randomUUID() + "\",\"account\":1}";
			CompletableFuture<String> outboundCreate = CompletableFuture
				.supplyAsync(() -> this.liveKit.createOutbound(trunk.outbound(marker)), this.outboundCreates);
			String inbound = this.liveKit.createInbound(trunk.inbound(marker));
			String outbound = outboundCreate.join();
			long id = this.trunks.insert(trunk, inbound, outbound);
			answer(exchange, 201, "{\"data\":{\"id\":" + id + ",\"phone_number\":\"" + trunk.phoneNumber()
					+ "\",\"inbound_trunk_id\":\"" + inbound + "\",\"outbound_trunk_id\":\"" + outbound + "\"}}");
		}
		catch (RuntimeException ex) {
			answer(exchange, 500, "{\"error\":\"" + ex.getClass().getSimpleName() + "\"}");
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * {@code POST /floor/reset?latency_ms=N}: forgets every trunk (the stand-in's and the
	 * table's) and sets the stand-in's latency, so that each step starts from the same
	 * empty state. The stand-in checks a new inbound trunk against every stored one, so a
	 * full one is slower.
	 */
	private void reset(HttpExchange exchange) throws IOException {
		try (exchange) {
			String query = exchange.getRequestURI().getQuery();
			long millis = Long.parseLong(query.replaceFirst("^latency_ms=", ""));
			this.standIn.reset();
			this.standIn.setLatency(Duration.ofMillis(millis));
			this.trunks.clear();
			answer(exchange, 200, "{\"latency_ms\":" + millis + "}");
		}
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
