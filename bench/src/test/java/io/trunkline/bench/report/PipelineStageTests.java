package io.trunkline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PipelineStageTests {

	static final ScrapeWindow GATEWAY = new ScrapeWindow(PrometheusPage.parse("""
			http_server_requests_seconds_count{method="POST",status="201",uri="/api/user/phone-numbers/sip-trunks"} 10
			http_server_requests_seconds_sum{method="POST",status="201",uri="/api/user/phone-numbers/sip-trunks"} 0.1
			http_server_requests_seconds_count{method="GET",status="200",uri="/actuator/prometheus"} 3
			http_server_requests_seconds_sum{method="GET",status="200",uri="/actuator/prometheus"} 0.9
			"""), PrometheusPage.parse("""
			http_server_requests_seconds_count{method="POST",status="201",uri="/api/user/phone-numbers/sip-trunks"} 110
			http_server_requests_seconds_sum{method="POST",status="201",uri="/api/user/phone-numbers/sip-trunks"} 0.6
			http_server_requests_seconds_count{method="GET",status="200",uri="/actuator/prometheus"} 4
			http_server_requests_seconds_sum{method="GET",status="200",uri="/actuator/prometheus"} 9.9
			trunkline_replies_delivery_seconds_count 100
			trunkline_replies_delivery_seconds_sum 0.2
			"""));

	static final ScrapeWindow WORKER = new ScrapeWindow(PrometheusPage.EMPTY, PrometheusPage.parse("""
			trunkline_provisioning_duration_seconds_count{result="provisioned"} 100
			trunkline_provisioning_duration_seconds_sum{result="provisioned"} 0.4
			trunkline_provisioning_duration_seconds_count{result="failed"} 2
			trunkline_provisioning_duration_seconds_sum{result="failed"} 50
			trunkline_livekit_call_duration_seconds_count{code="ok",method="CreateSIPInboundTrunk"} 100
			trunkline_livekit_call_duration_seconds_sum{code="ok",method="CreateSIPInboundTrunk"} 0.1
			trunkline_livekit_call_duration_seconds_count{code="ok",method="CreateSIPOutboundTrunk"} 100
			trunkline_livekit_call_duration_seconds_sum{code="ok",method="CreateSIPOutboundTrunk"} 0.3
			trunkline_provisioning_batch_count 40
			trunkline_provisioning_batch_sum 100
			"""));

	@Test
	void theCreateRequestCountsOnlyCreatesNotTheScrapes() {
		ScrapeWindow.Timing request = stage("create request, server side").timing(GATEWAY, WORKER);

		assertThat(request.count()).isEqualTo(100);
		assertThat(request.mean()).isCloseTo(0.005, within(1e-9));
	}

	@Test
	void provisioningCountsTheProvisionedOnesAndLiveKitCallsSplitByMethod() {
		assertThat(stage("provisioning").timing(GATEWAY, WORKER).mean()).isCloseTo(0.004, within(1e-9));
		assertThat(stage("LiveKit CreateSIPInboundTrunk").timing(GATEWAY, WORKER).mean()).isCloseTo(0.001,
				within(1e-9));
		assertThat(stage("LiveKit CreateSIPOutboundTrunk").timing(GATEWAY, WORKER).mean()).isCloseTo(0.003,
				within(1e-9));
	}

	@Test
	void eachTimerIsReadFromItsOwnServicesPage() {
		assertThat(stage("outcome delivery").timing(GATEWAY, WORKER).count()).isEqualTo(100);
		assertThat(stage("command pickup").timing(GATEWAY, WORKER)).isNull();
	}

	@Test
	void recordsPerPollIsACountNotATime() {
		PipelineStage batch = stage("worker: records per poll");

		assertThat(batch.inSeconds()).isFalse();
		assertThat(batch.timing(GATEWAY, WORKER).mean()).isEqualTo(2.5);
	}

	@Test
	void aStageWithoutATimerSaysSo() {
		PipelineStage answerWritten = stage("answer written");

		assertThat(answerWritten.timed()).isFalse();
		assertThat(answerWritten.timing(GATEWAY, WORKER)).isNull();
	}

	private static PipelineStage stage(String name) {
		return PipelineStage.PATH.stream().filter((stage) -> stage.name().equals(name)).findFirst().orElseThrow();
	}

}
