package io.trunkline.bench.report;

import java.util.Map;
import java.util.Map.Entry;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What one service's metrics say about a stretch of time: the page scraped at its start
 * and the page scraped at its end. Counters, timer counts and sums, and histogram buckets
 * are read as their growth in between; gauges as their value at the end.
 *
 * @param start the page at the start ({@link PrometheusPage#EMPTY} for "since launch")
 * @param end the page at the end
 */
record ScrapeWindow(PrometheusPage start, PrometheusPage end) {

	/**
	 * @return wall-clock seconds between the scrapes, from the JVM's own
	 * {@code process_uptime_seconds}
	 */
	double seconds() {
		return growth("process_uptime_seconds", Map.of());
	}

	double growth(String name, Map<String, String> labels) {
		return this.end.sum(name, labels) - this.start.sum(name, labels);
	}

	double atEnd(String name, Map<String, String> labels) {
		return this.end.sum(name, labels);
	}

	/**
	 * A Micrometer timer (or distribution summary) over the window.
	 * @param base the name without suffix, e.g.
	 * {@code trunkline_provisioning_pickup_seconds}
	 * @param labels labels its series must carry; matching series are added up
	 * @return its count, mean, and when it publishes a histogram its median and 99th
	 * percentile; {@code null} when the page has no such timer (it is registered on first
	 * use, or does not exist)
	 */
	Timing timing(String base, Map<String, String> labels) {
		if (!this.end.has(base + "_count", labels)) {
			return null;
		}
		long count = Math.round(growth(base + "_count", labels));
		double sum = growth(base + "_sum", labels);
		TreeMap<Double, Double> buckets = this.end.buckets(base + "_bucket", labels);
		this.start.buckets(base + "_bucket", labels)
			.forEach((bound, cumulative) -> buckets.computeIfPresent(bound, (key, value) -> value - cumulative));
		return new Timing(count, (count > 0) ? sum / count : 0, quantile(buckets, 0.50), quantile(buckets, 0.99));
	}

	/**
	 * The quantile of a histogram as Prometheus's {@code histogram_quantile} estimates
	 * it: linear within the bucket the rank falls into (from 0 for the first bucket); a
	 * rank in the +Inf bucket gives the highest finite bound.
	 * @param buckets cumulative counts by upper bound, +Inf last
	 * @param q between 0 and 1
	 * @return the estimate, empty without buckets or counts
	 */
	static OptionalDouble quantile(TreeMap<Double, Double> buckets, double q) {
		if (buckets.isEmpty() || buckets.lastEntry().getValue() <= 0) {
			return OptionalDouble.empty();
		}
		double rank = q * buckets.lastEntry().getValue();
		double lowerBound = 0;
		double lowerCount = 0;
		for (Entry<Double, Double> bucket : buckets.entrySet()) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					return OptionalDouble.of(lowerBound);
				}
				double inBucket = bucket.getValue() - lowerCount;
				double share = (inBucket > 0) ? (rank - lowerCount) / inBucket : 1;
				return OptionalDouble.of(lowerBound + (bucket.getKey() - lowerBound) * share);
			}
			lowerBound = bucket.getKey();
			lowerCount = bucket.getValue();
		}
		return OptionalDouble.of(lowerBound);
	}

	/**
	 * A timer over a window, in the timer's base unit (seconds for timers).
	 *
	 * @param count events recorded in the window
	 * @param mean their mean
	 * @param p50 the median, when the timer publishes a histogram
	 * @param p99 the 99th percentile, likewise
	 */
	record Timing(long count, double mean, OptionalDouble p50, OptionalDouble p99) {
	}

}
