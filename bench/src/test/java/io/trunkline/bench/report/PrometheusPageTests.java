package io.trunkline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusPageTests {

	@Test
	void readsLabelValuesWithSpacesCommasAndEscapedQuotes() {
		PrometheusPage page = PrometheusPage
			.parse("""
					jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="PS Scavenge",service="api-gateway"} 3
					logback_events_total{level="warn",message="say \\"hi\\", then go"} 2.0
					""");

		assertThat(page.samples()).hasSize(2);
		assertThat(page.samples().get(0).labels()).containsEntry("action", "end of minor GC")
			.containsEntry("cause", "Allocation Failure");
		assertThat(page.samples().get(1).labels()).containsEntry("message", "say \"hi\", then go");
	}

	@Test
	void addsUpTheSeriesThatCarryTheGivenLabels() {
		PrometheusPage page = PrometheusPage
			.parse("""
					http_server_requests_seconds_count{method="POST",status="201",uri="/api/user/phone-numbers/sip-trunks"} 5
					http_server_requests_seconds_count{method="POST",status="202",uri="/api/user/phone-numbers/sip-trunks"} 2
					http_server_requests_seconds_count{method="GET",status="200",uri="/actuator/prometheus"} 40
					""");

		double creates = page.sum("http_server_requests_seconds_count",
				Map.of("method", "POST", "uri", "/api/user/phone-numbers/sip-trunks"));

		assertThat(creates).isEqualTo(7);
		assertThat(page.sum("http_server_requests_seconds_count", Map.of())).isEqualTo(47);
		assertThat(page.sum("trunkline_replies_waiting", Map.of())).isZero();
	}

	@Test
	void skipsCommentsAndReadsExponentsInfinityNaNAndTimestamps() {
		PrometheusPage page = PrometheusPage.parse("""
				# HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
				# TYPE process_cpu_time_ns_total counter
				process_cpu_time_ns_total{service="api-gateway"} 4.801E10
				system_cpu_count 2.0 1764810000000
				trunkline_outbox_lag_seconds{service="api-gateway"} NaN
				trunkline_replies_delivery_seconds_bucket{service="api-gateway",le="0.001"} 1
				trunkline_replies_delivery_seconds_bucket{service="api-gateway",le="+Inf"} 5
				""");

		assertThat(page.sum("process_cpu_time_ns_total", Map.of())).isEqualTo(4.801e10);
		assertThat(page.sum("system_cpu_count", Map.of())).isEqualTo(2);
		assertThat(page.sum("trunkline_outbox_lag_seconds", Map.of())).isZero();
		assertThat(page.buckets("trunkline_replies_delivery_seconds_bucket", Map.of()))
			.containsExactly(Map.entry(0.001, 1.0), Map.entry(Double.POSITIVE_INFINITY, 5.0));
	}

}
