package io.trunkline.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * CPU and peak memory of each process during one step, from bench/run's two snapshots of
 * {@code /proc}: CPU is the growth of {@code utime+stime} over the window, peak memory
 * the process's {@code VmHWM} at the end of it (for PostgreSQL, the largest of its
 * processes, whose shared buffers each one counts).
 *
 * @param windowSeconds the window
 * @param processes one row per process
 * @param machineBusy the share of the whole machine busy over the window, whoever used it
 * @param loadAverage the load average at the end
 */
record ProcessSample(double windowSeconds, List<Process> processes, double machineBusy, String loadAverage) {

	static ProcessSample of(Properties properties) {
		double window = Double.parseDouble(properties.getProperty("window_seconds", "1"));
		String startedAt = properties.getProperty("time_start", "");
		String endedAt = properties.getProperty("time_end", "");
		if (!startedAt.isBlank() && !endedAt.isBlank()) {
			window = Double.parseDouble(endedAt) - Double.parseDouble(startedAt);
		}
		double ticksPerSecond = Double.parseDouble(properties.getProperty("clk_tck", "100"));
		int cores = Integer.parseInt(properties.getProperty("nproc", "1"));
		List<Process> processes = new ArrayList<>();
		for (String name : List.of("stack", "floor", "gatling", "postgres")) {
			String start = properties.getProperty("process." + name + ".ticks_start");
			String end = properties.getProperty("process." + name + ".ticks_end");
			if (start == null || end == null || start.isBlank() || end.isBlank()) {
				continue;
			}
			double cpuSeconds = (Long.parseLong(end) - Long.parseLong(start)) / ticksPerSecond;
			double ofOneCore = cpuSeconds / window;
			long hwmKb = Long.parseLong(properties.getProperty("process." + name + ".hwm_kb", "0"));
			processes.add(new Process(name, cpuSeconds, ofOneCore, ofOneCore / cores, hwmKb / 1024.0));
		}
		long busy = Long.parseLong(properties.getProperty("machine.busy_end", "0"))
				- Long.parseLong(properties.getProperty("machine.busy_start", "0"));
		long total = Long.parseLong(properties.getProperty("machine.total_end", "1"))
				- Long.parseLong(properties.getProperty("machine.total_start", "0"));
		return new ProcessSample(window, processes, (total > 0) ? (double) busy / total : 0,
				properties.getProperty("loadavg_end", "?"));
	}

	/**
	 * One process.
	 *
	 * @param name stack, floor, gatling or postgres
	 * @param cpuSeconds CPU time used in the window
	 * @param ofOneCore that as a share of one core
	 * @param ofMachine that as a share of the machine
	 * @param peakMemoryMb {@code VmHWM}
	 */
	record Process(String name, double cpuSeconds, double ofOneCore, double ofMachine, double peakMemoryMb) {
	}

}
