package io.trunkline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StackResourcesTests {

	@Test
	void cpuIsTheGrowthOfTheJvmsCpuTimeOverTheWindow() {
		ScrapeWindow stack = new ScrapeWindow(PrometheusPage.parse("""
				process_uptime_seconds 100
				process_cpu_time_ns_total 4.0E10
				jvm_compilation_time_ms_total 30000
				jvm_gc_pause_seconds_count{action="end of minor GC",gc="PS Scavenge"} 10
				jvm_gc_pause_seconds_sum{action="end of minor GC",gc="PS Scavenge"} 0.5
				"""), PrometheusPage.parse("""
				process_uptime_seconds 160
				process_cpu_time_ns_total 1.0E11
				system_cpu_count 2
				jvm_compilation_time_ms_total 33000
				jvm_gc_pause_seconds_count{action="end of minor GC",gc="PS Scavenge"} 14
				jvm_gc_pause_seconds_sum{action="end of minor GC",gc="PS Scavenge"} 0.6
				jvm_gc_pause_seconds_count{action="end of major GC",gc="PS MarkSweep"} 1
				jvm_gc_pause_seconds_sum{action="end of major GC",gc="PS MarkSweep"} 0.2
				jvm_memory_used_bytes{area="heap",id="PS Eden Space"} 1.0E8
				jvm_memory_used_bytes{area="heap",id="PS Old Gen"} 5.0E7
				jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 1.2E8
				"""));

		StackResources resources = StackResources.of(stack);

		assertThat(resources.seconds()).isEqualTo(60);
		assertThat(resources.cpuSeconds()).isCloseTo(60, within(1e-9));
		assertThat(resources.ofOneCore()).isCloseTo(1.0, within(1e-9));
		assertThat(resources.ofMachine()).isCloseTo(0.5, within(1e-9));
		assertThat(resources.jitSeconds()).isEqualTo(3);
		assertThat(resources.gcPauses()).isEqualTo(5);
		assertThat(resources.gcPauseSeconds()).isCloseTo(0.3, within(1e-9));
		assertThat(resources.heapUsedBytes()).isEqualTo(1.5e8);
	}

}
