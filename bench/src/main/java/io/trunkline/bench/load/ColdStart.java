package io.trunkline.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The cold-start scenario's client: waits for bench/run to launch a fresh stack, polls
 * the gateway's readiness probe until it answers {@code 200}, then sends distinct creates
 * one at a time, each once the previous one is answered, and writes a
 * {@link ColdStartResult}. No Gatling: one sequential client needs only the JDK's.
 * <p>
 * It starts before the stack (and says so with the marker file), so that its own JVM's
 * start does not compete with the stack's; bench/run writes the launch time to the launch
 * file. The readiness polls also warm the client's own HTTP code before the first create.
 * <p>
 * {@code java -Dbench.baseUrl=... -Dbench.apiKey=... -Dbench.block=... -Dbench.creates=500
 * -Dbench.marker=... -Dbench.launchFile=... -Dbench.output=... ColdStart}
 */
public final class ColdStart {

	private static final Duration POLL = Duration.ofMillis(20);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:18080");

	private final String apiKey = System.getProperty("bench.apiKey", "tk_bench");

	private ColdStart() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		ColdStart client = new ColdStart();
		Files.writeString(required("bench.marker"), "waiting");
		long launchedAt = awaitLaunch(required("bench.launchFile"));
		long readyAt = client.awaitReady();
		List<ColdStartResult.Create> creates = (readyAt > 0) ? client
			.create(new DistinctTrunks(Integer.getInteger("bench.block", 0)), Integer.getInteger("bench.creates", 500))
				: List.of();
		ColdStartResult result = new ColdStartResult(launchedAt, readyAt, creates);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.writeValue(required("bench.output").toFile(), result);
		ColdStartResult.Window steady = result.window(100, 199);
		System.out.printf(
				"RESULT cold: API ready %d ms after launch, first 201 at %s ms, creates 100-199 p50 %.1f ms "
						+ "(%d creates in all)%n",
				result.launchToReadyMillis(),
				result.launchToFirstCreatedMillis().stream().mapToObj(Long::toString).findFirst().orElse("none"),
				steady.p50(), creates.size());
	}

	private static long awaitLaunch(Path launchFile) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (!Files.exists(launchFile) || Files.readString(launchFile).isBlank()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The stack was not launched: no " + launchFile);
			}
			Thread.sleep(POLL.toMillis());
		}
		return Long.parseLong(Files.readString(launchFile).strip());
	}

	/**
	 * @return epoch milliseconds when the readiness probe first answered {@code 200}, 0
	 * if not within the timeout
	 */
	private long awaitReady() throws InterruptedException {
		HttpRequest probe = HttpRequest.newBuilder(URI.create(this.baseUrl + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (this.http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return System.currentTimeMillis();
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(POLL.toMillis());
		}
		return 0;
	}

	private List<ColdStartResult.Create> create(DistinctTrunks trunks, int count) throws InterruptedException {
		List<ColdStartResult.Create> creates = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			DistinctTrunks.Trunk trunk = trunks.next();
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + TrunklineApi.TRUNKS))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + this.apiKey)
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(trunk.body()))
				.build();
			long sentAt = System.currentTimeMillis();
			long started = System.nanoTime();
			int status;
			try {
				status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException ex) {
				status = 0;
			}
			creates
				.add(new ColdStartResult.Create(trunk.number(), sentAt, (System.nanoTime() - started) / 1000, status));
		}
		return creates;
	}

	private static Path required(String property) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("Set -D" + property);
		}
		return Path.of(value);
	}

}
