package io.trunkline.bench.report;

import java.util.Map;

/**
 * What the local stack's JVM used over a window, from the JVM metrics on its pages (the
 * gateway, the worker, the broker and the stand-in share one JVM, so one service's page
 * tells for all).
 *
 * @param seconds the window
 * @param cpuSeconds CPU time of the JVM ({@code process_cpu_time_ns_total})
 * @param cores the machine's cores ({@code system_cpu_count})
 * @param jitSeconds time the JIT compilers worked ({@code jvm_compilation_time_ms_total})
 * @param gcPauses collections ({@code jvm_gc_pause_seconds_count})
 * @param gcPauseSeconds their pauses in all ({@code jvm_gc_pause_seconds_sum})
 * @param allocatedBytes allocated on the heap
 * ({@code jvm_gc_memory_allocated_bytes_total})
 * @param heapUsedBytes heap in use at the end ({@code jvm_memory_used_bytes}, area heap)
 * @param committedBytes heap and non-heap committed at the end
 * ({@code jvm_memory_committed_bytes})
 * @param loadAverage the machine's 1-minute load average at the end
 * ({@code system_load_average_1m})
 */
record StackResources(double seconds, double cpuSeconds, int cores, double jitSeconds, long gcPauses,
		double gcPauseSeconds, double allocatedBytes, double heapUsedBytes, double committedBytes, double loadAverage) {

	static StackResources of(ScrapeWindow stack) {
		return new StackResources(stack.seconds(), stack.growth("process_cpu_time_ns_total", Map.of()) / 1e9,
				(int) stack.atEnd("system_cpu_count", Map.of()),
				stack.growth("jvm_compilation_time_ms_total", Map.of()) / 1000,
				Math.round(stack.growth("jvm_gc_pause_seconds_count", Map.of())),
				stack.growth("jvm_gc_pause_seconds_sum", Map.of()),
				stack.growth("jvm_gc_memory_allocated_bytes_total", Map.of()),
				stack.atEnd("jvm_memory_used_bytes", Map.of("area", "heap")),
				stack.atEnd("jvm_memory_committed_bytes", Map.of()), stack.atEnd("system_load_average_1m", Map.of()));
	}

	/**
	 * @return the JVM's CPU as a share of one core
	 */
	double ofOneCore() {
		return (this.seconds > 0) ? this.cpuSeconds / this.seconds : 0;
	}

	/**
	 * @return the JVM's CPU as a share of the machine
	 */
	double ofMachine() {
		return ofOneCore() / Math.max(1, this.cores);
	}

}
