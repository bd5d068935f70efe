package io.trunkline.bench.load;

import java.util.Arrays;

/**
 * Latency percentiles of a set of answers, in milliseconds (Gatling's resolution),
 * nearest-rank: the p-th percentile is the smallest value that at least p % of the
 * answers do not exceed.
 *
 * @param count how many answers
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param max the slowest
 * @param mean the mean
 */
public record Latencies(int count, long p50, long p95, long p99, long max, double mean) {

	public static final Latencies NONE = new Latencies(0, 0, 0, 0, 0, 0);

	/**
	 * @param millis the latencies, in any order
	 * @return their percentiles
	 */
	public static Latencies of(long[] millis) {
		if (millis.length == 0) {
			return NONE;
		}
		long[] sorted = millis.clone();
		Arrays.sort(sorted);
		return new Latencies(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
				sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
	}

	/**
	 * @param sorted values in ascending order, at least one
	 * @param percentile between 0 and 100
	 * @return the nearest-rank percentile
	 */
	public static long rank(long[] sorted, double percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
