package io.trunkline.livekit.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for LiveKit's SIP trunk API, for tests and the local stack, never for
 * production. It listens on {@code 127.0.0.1} and speaks the Twirp protocol of
 * {@code POST /twirp/livekit.SIP/{Method}} as LiveKit's open-source server does: protobuf
 * and JSON bodies, API-key JWTs with the SIP admin grant, Twirp errors with their HTTP
 * statuses, and LiveKit's own validation messages, using LiveKit's generated protocol
 * classes so the messages cannot drift from what its SDK sends. Trunks live in memory.
 *
 * <p>
 * Implemented: {@code CreateSIPInboundTrunk}, {@code CreateSIPOutboundTrunk},
 * {@code GetSIPInboundTrunk}, {@code GetSIPOutboundTrunk}, {@code ListSIPInboundTrunk},
 * {@code ListSIPOutboundTrunk} and {@code DeleteSIPTrunk}. The other methods of
 * {@code livekit.SIP} (updates, dispatch rules, participants) are routed, authenticated
 * and content-type checked like the rest, then answered {@code 501 unimplemented}:
 * Trunkline does not call them, and a half-faithful version would be worse than an honest
 * refusal.
 *
 * <p>
 * {@link #faults()} injects failures (error answers, delays, dropped connections, lost
 * responses) per method, and {@link #setLatency(Duration)} adds a fixed latency to every
 * call.
 */
public final class LiveKitStandIn implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LiveKitStandIn.class);

	/**
	 * Added latency and injected delays are slept out on these threads, so they bound the
	 * calls in flight: 64 serve 1,280 calls a second at 50 ms of added latency, more than
	 * the benchmarks send (16 capped them at 160 creates a second). Idle ones time out;
	 * bounded so a runaway test cannot spawn threads without end.
	 */
	private static final int WORKER_THREADS = 64;

	/**
	 * The JDK server writes a response's headers and body as two segments; without
	 * {@code TCP_NODELAY} the second waits for a delayed ACK and every call takes some 40
	 * ms, which would swamp the latency benchmarks add on purpose. Read once, when the
	 * JVM's first {@link HttpServer} is created.
	 */
	private static final String NO_DELAY = "sun.net.httpserver.nodelay";

	private final HttpServer server;

	private final ExecutorService workers;

	private final SipTrunks trunks;

	private final Faults faults;

	private final CallCounts calls;

	private final Pauses pauses;

	private final AtomicReference<Duration> latency;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final String url;

	private LiveKitStandIn(HttpServer server, ExecutorService workers, SipTrunks trunks, Faults faults,
			CallCounts calls, Pauses pauses, AtomicReference<Duration> latency) {
		this.server = server;
		this.url = "http://127.0.0.1:" + server.getAddress().getPort();
		this.workers = workers;
		this.trunks = trunks;
		this.faults = faults;
		this.calls = calls;
		this.pauses = pauses;
		this.latency = latency;
	}

	/**
	 * Starts a stand-in on {@code 127.0.0.1}.
	 * @param port the port to listen on, 0 for any free port
	 * @param apiKey the API key tokens must name as their issuer
	 * @param apiSecret the secret tokens must be signed with
	 * @return the running stand-in
	 */
	public static LiveKitStandIn start(int port, String apiKey, String apiSecret) {
		requireText(apiKey, "apiKey");
		requireText(apiSecret, "apiSecret");
		if (System.getProperty(NO_DELAY) == null) {
			System.setProperty(NO_DELAY, "true");
		}
		SipTrunks trunks = new SipTrunks(Clock.systemUTC());
		Faults faults = new Faults();
		CallCounts calls = new CallCounts();
		Pauses pauses = new Pauses();
		AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
		TwirpEndpoint endpoint = new TwirpEndpoint(new ApiKeyAuthentication(apiKey, apiSecret), new SipService(trunks),
				faults, calls, pauses, latency::get);
		ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), workerThreads());
		workers.allowCoreThreadTimeOut(true);
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
			server.createContext("/", endpoint);
			server.setExecutor(workers);
			server.start();
			LiveKitStandIn standIn = new LiveKitStandIn(server, workers, trunks, faults, calls, pauses, latency);
			logger.warn(
					"A LiveKit STAND-IN is listening on {}: a fake of LiveKit's SIP API for tests and local use "
							+ "only, holding trunks in memory; it is not LiveKit and no call will ever ring",
					standIn.url());
			return standIn;
		}
		catch (IOException ex) {
			workers.shutdownNow();
			throw new UncheckedIOException("Could not start the LiveKit stand-in on port " + port, ex);
		}
	}

	/**
	 * @return the base URL to give a LiveKit client, e.g. {@code http://127.0.0.1:41234}
	 */
	public String url() {
		return this.url;
	}

	/**
	 * @return the inbound trunks held now, in creation order
	 */
	public List<SIPInboundTrunkInfo> inboundTrunks() {
		return this.trunks.inbound();
	}

	/**
	 * @return the outbound trunks held now, in creation order
	 */
	public List<SIPOutboundTrunkInfo> outboundTrunks() {
		return this.trunks.outbound();
	}

	/**
	 * @return the failures to inject
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Counts the requests that reached a method since the start or the last
	 * {@link #reset()}, whatever they were answered, faults and refusals included.
	 * @param method a Twirp method name, e.g. {@code CreateSIPInboundTrunk}
	 * @return the count
	 */
	public int calls(String method) {
		return this.calls.of(method);
	}

	/**
	 * Adds a fixed latency to every request from now on, before anything else happens to
	 * it.
	 * @param latency the latency, zero for none (the default)
	 */
	public void setLatency(Duration latency) {
		Objects.requireNonNull(latency, "latency");
		if (latency.isNegative()) {
			throw new IllegalArgumentException("Latency cannot be negative: " + latency);
		}
		this.latency.set(latency);
	}

	/**
	 * Forgets all trunks, faults and call counts, and abandons requests still held by a
	 * delay or the latency (their connections close unanswered), so nothing from before
	 * the reset lands after it. The latency stays as set: it is configuration, not state.
	 */
	public void reset() {
		this.pauses.releaseAll();
		this.faults.clear();
		this.trunks.clear();
		this.calls.clear();
	}

	/**
	 * Stops listening and ends requests in flight, including those held by a delay,
	 * without answering them.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.pauses.stop();
		this.server.stop(0);
		this.workers.shutdownNow();
		try {
			if (!this.workers.awaitTermination(5, TimeUnit.SECONDS)) {
				logger.warn("The LiveKit stand-in on {} left requests running after it stopped", url());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		logger.info("The LiveKit stand-in on {} stopped", url());
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	private static ThreadFactory workerThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "livekit-standin-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
