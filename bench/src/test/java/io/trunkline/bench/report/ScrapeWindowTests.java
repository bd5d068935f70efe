package io.trunkline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ScrapeWindowTests {

	/** 10 pickups before the window, all within 2 ms. */
	static final PrometheusPage BEFORE = PrometheusPage.parse("""
			process_uptime_seconds{service="provisioning-worker"} 100.0
			trunkline_provisioning_pickup_seconds_count{service="provisioning-worker"} 10
			trunkline_provisioning_pickup_seconds_sum{service="provisioning-worker"} 0.015
			trunkline_provisioning_pickup_seconds_bucket{service="provisioning-worker",le="0.001"} 0
			trunkline_provisioning_pickup_seconds_bucket{service="provisioning-worker",le="0.002"} 10
			trunkline_provisioning_pickup_seconds_bucket{service="provisioning-worker",le="0.004"} 10
			trunkline_provisioning_pickup_seconds_bucket{service="provisioning-worker",le="+Inf"} 10
			spring_kafka_listener_seconds_count{name="provisioning-0"} 4
			spring_kafka_listener_seconds_sum{name="provisioning-0"} 0.4
			""");

	/** 100 more pickups, all between 2 and 4 ms, and 10 polls of 10 ms on two threads. */
	static final PrometheusPage AFTER = PrometheusPage.parse("""
			process_uptime_seconds{service="provisioning-worker"} 160.0
			trunkline_provisioning_pickup_seconds_count{service="provisioning-worker"} 110
			trunkline_provisioning_pickup_seconds_sum{service="provisioning-worker"} 0.315
			trunkline_provisioning_pickup_seconds_bucket{service="provisioning-worker",le="0.001"} 0
			trunkline_provisioning_pickup_seconds_bucket{service="provisioning-worker",le="0.002"} 10
			trunkline_provisioning_pickup_seconds_bucket{service="provisioning-worker",le="0.004"} 110
			trunkline_provisioning_pickup_seconds_bucket{service="provisioning-worker",le="+Inf"} 110
			spring_kafka_listener_seconds_count{name="provisioning-0"} 9
			spring_kafka_listener_seconds_sum{name="provisioning-0"} 0.45
			spring_kafka_listener_seconds_count{name="provisioning-1"} 5
			spring_kafka_listener_seconds_sum{name="provisioning-1"} 0.05
			""");

	final ScrapeWindow window = new ScrapeWindow(BEFORE, AFTER);

	@Test
	void timesTheWindowByTheJvmsUptime() {
		assertThat(this.window.seconds()).isEqualTo(60);
	}

	@Test
	void meanIsTheGrowthOfTheSumOverTheGrowthOfTheCount() {
		ScrapeWindow.Timing pickup = this.window.timing("trunkline_provisioning_pickup_seconds", Map.of());

		assertThat(pickup.count()).isEqualTo(100);
		assertThat(pickup.mean()).isCloseTo(0.003, within(1e-9));
	}

	@Test
	void quantilesComeFromTheGrowthOfTheBucketsAlone() {
		ScrapeWindow.Timing pickup = this.window.timing("trunkline_provisioning_pickup_seconds", Map.of());

		// every pickup of the window fell between 2 and 4 ms: interpolated within it
		assertThat(pickup.p50()).hasValueCloseTo(0.003, within(1e-9));
		assertThat(pickup.p99()).hasValueCloseTo(0.00398, within(1e-9));
	}

	@Test
	void addsUpTheSeriesOfEveryThreadAndHasNoQuantilesWithoutAHistogram() {
		ScrapeWindow.Timing polls = this.window.timing("spring_kafka_listener_seconds", Map.of());

		assertThat(polls.count()).isEqualTo(10);
		assertThat(polls.mean()).isCloseTo(0.01, within(1e-9));
		assertThat(polls.p50()).isEmpty();
	}

	@Test
	void aTimerNotOnThePageIsNotRecorded() {
		assertThat(this.window.timing("trunkline_replies_delivery_seconds", Map.of())).isNull();
	}

	@Test
	void aRankInTheOpenBucketGivesTheHighestBound() {
		TreeMap<Double, Double> slow = new TreeMap<>(Map.of(0.001, 1.0, 0.002, 2.0, Double.POSITIVE_INFINITY, 100.0));

		assertThat(ScrapeWindow.quantile(slow, 0.99)).hasValue(0.002);
		assertThat(ScrapeWindow.quantile(new TreeMap<>(Map.of(Double.POSITIVE_INFINITY, 0.0)), 0.5)).isEmpty();
	}

}
