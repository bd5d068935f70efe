package io.trunkline.bench.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one Gatling run does, read from {@code -Dbench.*} system properties (bench/run
 * sets them).
 *
 * @param baseUrl the API, e.g. {@code http://127.0.0.1:18080}
 * @param apiKey the bearer key of the demo account
 * @param step the name of this run's results, e.g. {@code sync-0ms-100}
 * @param scenario what the step measures: {@code sync}, {@code floor}, {@code saturation}
 * or {@code onboarding}
 * @param series the stand-in's added latency per LiveKit call, in milliseconds
 * @param block a number unique to this run within the benchmark, so that its phone
 * numbers are unique across all runs
 * @param rate arrivals per second (open workload)
 * @param duration how long arrivals go on
 * @param grace how long answers may still come after the last arrival
 * @param drainTimeout how long to wait after the run for every accepted create to be
 * committed, zero for not at all
 * @param total creates to submit (onboarding)
 * @param concurrency requests in flight while submitting (onboarding)
 * @param results the directory the results go to
 * @param marker a file created when arrivals start (bench/run samples the processes from
 * then), or {@code null}
 * @param leadIn how long arrivals run at the step's rate before the measured ones, not
 * counted: Gatling starts in a fresh JVM for every step, and its own first seconds (class
 * loading, compilation) would otherwise count as the system's latency
 * @param sharedConnections whether virtual users share one pool of kept-alive
 * connections, as a service calling the API does, instead of each opening its own
 */
public record LoadSettings(String baseUrl, String apiKey, String step, String scenario, int series, int block,
		double rate, Duration duration, Duration grace, Duration drainTimeout, int total, int concurrency, Path results,
		Path marker, Duration leadIn, boolean sharedConnections) {

	public static LoadSettings fromSystemProperties() {
		String marker = System.getProperty("bench.marker", "");
		return new LoadSettings(System.getProperty("bench.baseUrl", "http://127.0.0.1:18080"),
				System.getProperty("bench.apiKey", "tk_bench"), System.getProperty("bench.step", "adhoc"),
				System.getProperty("bench.scenario", "sync"), Integer.getInteger("bench.series", 0),
				Integer.getInteger("bench.block", 0), Double.parseDouble(System.getProperty("bench.rate", "10")),
				Duration.ofSeconds(Long.getLong("bench.duration", 60)),
				Duration.ofSeconds(Long.getLong("bench.grace", 45)),
				Duration.ofSeconds(Long.getLong("bench.drainTimeout", 30)), Integer.getInteger("bench.total", 10_000),
				Integer.getInteger("bench.concurrency", 32),
				Path.of(System.getProperty("bench.results", "target/results")),
				marker.isBlank() ? null : Path.of(marker), Duration.ofSeconds(Long.getLong("bench.leadIn", 0)),
				!"own".equals(System.getProperty("bench.connections", "shared")));
	}

}
