package io.trunkline.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.trunkline.bench.load.Latencies;
import io.trunkline.bench.load.StepResult;

/**
 * Writes the figures of one run of bench/run to its own file,
 * {@code docs/benchmarks/<date>-<commit>.md}, draws its plots beside it, and adds the
 * run's row to the progress table of {@code docs/benchmarks.md} (just above its
 * {@code | target |} row). Nothing else of that page changes.
 * <p>
 * {@code java -cp ... BenchmarkReport <run directory> <docs directory>}
 */
public final class BenchmarkReport {

	private static final String DOCUMENT = "benchmarks.md";

	private static final String TARGET_ROW = "| target |";

	private static final String NEW_DOCUMENT = """
			# Benchmarks

			## Progress

			| run (UTC) | commit | machine: CPU calibration, floor's knee | p50 / p99 at 100/s | knee | 10,000 onboarded in |
			|---|---|---|---|---|---|
			| target | | | 10 / 50 ms | 500/s | 30 s |
			""";

	/**
	 * A step whose creates waited this long for a worker had the worker's threads busy.
	 */
	private static final long QUEUED_MILLIS = 100;

	private final RunDirectory run;

	private final Path docs;

	private final String stamp;

	private final Map<String, Optional<Double>> commitRates = new HashMap<>();

	private BenchmarkReport(RunDirectory run, Path docs) {
		this.run = run;
		this.docs = docs;
		this.stamp = run.machine("stamp");
	}

	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("Usage: BenchmarkReport <run directory> <docs directory>");
			System.exit(2);
		}
		BenchmarkReport report = new BenchmarkReport(RunDirectory.read(Path.of(args[0])), Path.of(args[1]));
		Path file = report.write();
		System.out.println("Wrote the run of " + report.stamp + " to " + file);
	}

	private Path write() {
		Path directory = this.docs.resolve("benchmarks");
		String commit = this.run.machine("commit");
		Path file = directory.resolve(this.run.machine("date").substring(0, 10) + "-" + commit + ".md");
		if (Files.exists(file)) {
			file = directory.resolve(this.stamp + "-" + commit + ".md");
		}
		Path document = this.docs.resolve(DOCUMENT);
		try {
			Files.createDirectories(directory);
			Files.writeString(file, section().replaceAll("(?m)^### ", "## "));
			String page = Files.exists(document) ? Files.readString(document) : NEW_DOCUMENT;
			Files.writeString(document,
					MarkdownTable.withRow(page, "## Progress", TARGET_ROW, null, progressRow(file)));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String progressRow(Path file) {
		String date = this.run.machine("date");
		String run = "[%s %s](benchmarks/%s)".formatted(date.substring(5, 10), date.substring(11, 16),
				file.getFileName());
		String commit = this.run.machine("commit") + ("0".equals(this.run.machine("dirty")) ? "" : " + changes");
		String calibration = "?".equals(this.run.machine("calibration_before_one")) ? "not calibrated"
				: "%s / %s M rounds/s, %s ns".formatted(this.run.machine("calibration_before_one"),
						this.run.machine("calibration_before_all"), this.run.machine("calibration_before_memory_ns"));
		String floorKnee = knee(this.run.steps("floor-saturation", firstSeries("floor-saturation")))
			.map((k) -> number(k.rate()) + "/s")
			.orElse("not searched");
		String at100 = this.run.step("sync-0ms-100")
			.map((step) -> "%d / %s".formatted(step.latency().p50(), ms(step.latency().p99())))
			.orElse("not run");
		List<StepResult> saturation = this.run.steps("saturation", firstSeries("saturation"));
		String knee = saturation.isEmpty() ? "not searched"
				: knee(saturation).map((k) -> number(k.rate()) + "/s").orElse("none of the rates tried");
		String onboarded = this.run.step("onboarding")
			.map(StepResult::onboarding)
			.map((o) -> "%.1f s%s".formatted(o.provisionedSeconds(), o.complete() ? "" : " (incomplete)"))
			.orElse("not run");
		return String.join(" | ", "| " + run, commit, calibration + "; " + floorKnee, at100, knee, onboarded) + " |";
	}

	private String section() {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark run of ").append(this.run.machine("date").replace('T', ' ').replace("Z", " UTC"));
		md.append(" (commit ").append(this.run.machine("commit"));
		if (!"0".equals(this.run.machine("dirty"))) {
			md.append(" + ").append(this.run.machine("dirty")).append(" uncommitted files");
		}
		md.append(")\n\n");
		md.append("One full run of `bench/run`, as recorded; the method and the progress across runs are in ")
			.append("[the benchmarks page](../benchmarks.md).\n\n");
		md.append("Machine: ")
			.append(this.run.machine("nproc"))
			.append(" cores, ")
			.append(this.run.machine("cpu"))
			.append(", ")
			.append(this.run.machine("memory"))
			.append(", Linux ")
			.append(this.run.machine("kernel"))
			.append(", ")
			.append(this.run.machine("java"))
			.append(". Load average (1, 5, 15 min) before the run ")
			.append(this.run.machine("load_before"))
			.append(", after it ")
			.append(this.run.machine("load_after"))
			.append(" (the machine is shared: other builds may have run alongside).");
		if (!"?".equals(this.run.machine("calibration_before_one"))) {
			md.append(String.format(" CPU calibration (millions of xorshift rounds per second, one thread / every "
					+ "core; nanoseconds per random read over 256 MB): before the run %s / %s, %s ns; after it %s / %s, "
					+ "%s ns. Runs on machines that calibrate differently do not compare.",
					this.run.machine("calibration_before_one"), this.run.machine("calibration_before_all"),
					this.run.machine("calibration_before_memory_ns"), this.run.machine("calibration_after_one"),
					this.run.machine("calibration_after_all"), this.run.machine("calibration_after_memory_ns")));
		}
		md.append("\n\n");
		md.append("Command: `bench/run`. Settings: ").append(this.run.machine("settings")).append(".\n\n");
		List<String[]> warmUps = this.run.warmUps();
		if (!warmUps.isEmpty()) {
			md.append("Warm-ups (seconds at the warm-up rate; share of a core the JIT compilers worked in the last "
					+ "round): ")
				.append(warmUps.stream()
					.map((w) -> "%s %s s (%s)".formatted(w[0], w[1], w[2]))
					.collect(Collectors.joining(", ")))
				.append(".\n\n");
		}
		md.append(targets());
		md.append(synchronous());
		md.append(floor());
		md.append(onboarding());
		md.append(saturation("saturation", "Scenario 4: saturation"));
		md.append(saturation("floor-saturation", "Scenario 4 for the floor: its saturation"));
		md.append(resources());
		md.append(stages());
		md.append(queues());
		md.append(profiles());
		md.append(plots());
		md.append("Raw results, logs, flight recordings and Gatling's HTML reports: `bench/target/runs/")
			.append(this.stamp)
			.append("/` (not committed).\n");
		return md.toString();
	}

	private String targets() {
		MarkdownTable table = new MarkdownTable("target", "measured", "met");
		Optional<StepResult> at100 = this.run.step("sync-0ms-100");
		at100.ifPresent((step) -> {
			table.row("p50 ≤ 10 ms end to end at 100 creates/s, instant stand-in", ms(step.latency().p50()),
					met(step.latency().p50() <= 10));
			table.row("p99 ≤ 50 ms end to end at 100 creates/s, instant stand-in", ms(step.latency().p99()),
					met(step.latency().p99() <= 50));
		});
		Optional<StepResult> floor100 = this.run.step("floor-0ms-100");
		if (at100.isPresent() && floor100.isPresent()) {
			double ratio = ratio(at100.get().latency().p50(), floor100.get().latency().p50());
			table.row("overhead (end to end / floor) ≤ 2.0 at p50, 100/s, instant", "%.1f".formatted(ratio),
					met(ratio <= 2.0));
		}
		List<StepResult> saturation = this.run.steps("saturation", firstSeries("saturation"));
		if (!saturation.isEmpty()) {
			Optional<StepResult> knee = knee(saturation);
			double sustained = knee.map(StepResult::rate).orElse(0.0);
			String floorKnee = knee(this.run.steps("floor-saturation", firstSeries("floor-saturation")))
				.map((k) -> " (the floor's own knee on this machine: %s/s)".formatted(number(k.rate())))
				.orElse("");
			table.row("≥ 500 creates/s sustained with no errors",
					knee.map((k) -> "%s/s without errors and p99 ≤ 1 s".formatted(number(k.rate())))
						.orElse("none of the rates tried") + floorKnee,
					met(sustained >= 500));
		}
		this.run.step("onboarding").map(StepResult::onboarding).ifPresent((onboarding) -> {
			table.row("10,000 onboarded in ≤ 30 s",
					"%,d committed in %.1f s%s".formatted(onboarding.provisioned(), onboarding.provisionedSeconds(),
							onboarding.complete() ? "" : " (incomplete)"),
					met(onboarding.complete() && onboarding.total() >= 10_000
							&& onboarding.provisionedSeconds() <= 30));
		});
		return table.isEmpty() ? "" : "### Against the targets\n\n" + table + "\n";
	}

	private String synchronous() {
		MarkdownTable table = new MarkdownTable("stand-in latency", "rate (/s)", "trunks held before", "sent", "201",
				"other answers", "p50", "p95", "p99", "max", "achieved (201/s)", "committed (/s)", "backlog committed");
		for (int series : this.run.series("sync")) {
			for (StepResult step : this.run.steps("sync", series)) {
				Latencies latency = step.latency();
				table.row("+" + series + " ms", number(step.rate()), "%,d".formatted(step.trunksBefore()), step.sent(),
						step.statuses().getOrDefault(201, 0), others(step), ms(latency.p50()), ms(latency.p95()),
						ms(latency.p99()), ms(latency.max()), "%.1f".formatted(step.achievedPerSecond()),
						committedPerSecond(step),
						step.drained() ? "yes, %.1f s after the last answer".formatted(step.drainSeconds())
								: "**no** (stack restarted)");
			}
		}
		if (table.isEmpty()) {
			return "";
		}
		return "### Scenario 1: synchronous creates\n\n" + table
				+ "\nLatency over every answer, whatever its status; \"other answers\" lists every answer but 201 by "
				+ "status (0: no answer). Achieved: 201 answers per second from the first request to the last answer; "
				+ "committed: the step's creates the stack committed per second over the same time (from its log), "
				+ "which also counts those answered 202 after the 25 s wait and committed later in the step.\n\n";
	}

	private String floor() {
		MarkdownTable table = new MarkdownTable("stand-in latency", "rate (/s)", "floor p50", "floor p95", "floor p99",
				"floor max", "floor other answers", "pipeline p50", "pipeline p99", "overhead at p50",
				"overhead at p99");
		for (int series : this.run.series("floor")) {
			for (StepResult floor : this.run.steps("floor", series)) {
				Optional<StepResult> pipeline = this.run.step("sync-" + series + "ms-" + number(floor.rate()));
				table.row("+" + series + " ms", number(floor.rate()), ms(floor.latency().p50()),
						ms(floor.latency().p95()), ms(floor.latency().p99()), ms(floor.latency().max()), others(floor),
						pipeline.map((p) -> ms(p.latency().p50())).orElse("–"),
						pipeline.map((p) -> ms(p.latency().p99())).orElse("–"),
						pipeline.map((p) -> "%.1f×".formatted(ratio(p.latency().p50(), floor.latency().p50())))
							.orElse("–"),
						pipeline.map((p) -> "%.1f×".formatted(ratio(p.latency().p99(), floor.latency().p99())))
							.orElse("–"));
			}
		}
		if (table.isEmpty()) {
			return "";
		}
		return "### Scenario 2: the floor and the pipeline's overhead\n\n" + table
				+ "\nThe floor does the two LiveKit creates and one committed insert inline behind the same HTTP "
				+ "request, in its own JVM with its own stand-in and PostgreSQL (see the method). Overhead = "
				+ "pipeline / floor at the same percentile (a floor of 0 ms counts as 1 ms: Gatling's resolution).\n\n";
	}

	private String onboarding() {
		Optional<StepResult> step = this.run.step("onboarding");
		if (step.isEmpty() || step.get().onboarding() == null) {
			return "";
		}
		StepResult.Onboarding onboarding = step.get().onboarding();
		MarkdownTable table = new MarkdownTable("creates", "accepted (202)", "other answers", "submitted in",
				"submit rate", "all committed in", "trunks/s", "time to commit p50", "p99", "slowest");
		Map<Integer, Integer> refused = new java.util.TreeMap<>(step.get().others());
		refused.remove(202);
		table.row("%,d".formatted(onboarding.total()), "%,d".formatted(onboarding.accepted()), others(refused),
				"%.1f s".formatted(onboarding.submitSeconds()), "%.0f/s".formatted(onboarding.submittedPerSecond()),
				"%.1f s%s".formatted(onboarding.provisionedSeconds(),
						onboarding.complete() ? ""
								: " (**incomplete**: %,d of %,d)".formatted(onboarding.provisioned(),
										onboarding.accepted())),
				"%.0f".formatted(onboarding.provisionedPerSecond()), ms(onboarding.timeToCommit().p50()),
				ms(onboarding.timeToCommit().p99()), ms(onboarding.timeToCommit().max()));
		return "### Scenario 3: partner onboarding\n\n" + table
				+ "\nSubmitted with `Prefer: respond-async` by a fixed number of clients, each sending its next create "
				+ "when the previous one is answered; answer latency p50 " + ms(step.get().latency().p50()) + ", p99 "
				+ ms(step.get().latency().p99()) + ". \"All committed in\": from the first submission to "
				+ "the `created_at` of the last trunk; time to commit: per trunk, from its submission to its "
				+ "`created_at`.\n\n";
	}

	private String saturation(String scenario, String title) {
		int series = firstSeries(scenario);
		List<StepResult> steps = this.run.steps(scenario, series);
		if (steps.isEmpty()) {
			return "";
		}
		MarkdownTable table = new MarkdownTable("rate (/s)", "sent", "201", "other answers", "p50", "p95", "p99", "max",
				"achieved (201/s)", "committed (/s)", "verdict");
		for (StepResult step : steps) {
			table.row(number(step.rate()), step.sent(), step.statuses().getOrDefault(201, 0), others(step),
					ms(step.latency().p50()), ms(step.latency().p95()), ms(step.latency().p99()),
					ms(step.latency().max()), "%.1f".formatted(step.achievedPerSecond()),
					// The floor commits inline and logs nothing per create.
					scenario.startsWith("floor") ? "= achieved" : committedPerSecond(step),
					saturated(step) ? "past the knee" : "ok");
		}
		Optional<StepResult> knee = knee(steps);
		Optional<StepResult> past = steps.stream().filter(BenchmarkReport::saturated).findFirst();
		String verdict = knee
			.map((k) -> "The knee: **%s creates/s** is the highest rate tried with p99 ≤ 1 s and only 201 answers"
				.formatted(number(k.rate())))
			.orElse("Even the lowest rate tried was past the knee");
		verdict += past
			.map((p) -> "; at %s/s p99 was %s%s.".formatted(number(p.rate()), ms(p.latency().p99()),
					p.others().isEmpty() ? "" : " and answers other than 201 appeared (" + others(p) + ")"))
			.orElse("; no rate tried passed it.");
		return "### " + title + " (stand-in +" + series + " ms)\n\n" + table + "\n" + verdict + " Each step ran "
				+ steps.get(0).durationSeconds() + " s; the search stops at the first step past the knee.\n\n";
	}

	private String resources() {
		MarkdownTable table = new MarkdownTable("step", "process", "CPU, % of one core", "CPU, % of the machine",
				"CPU per committed create", "peak memory (VmHWM)");
		List<String> notes = new ArrayList<>();
		for (String scenario : List.of("sync", "floor")) {
			for (int series : this.run.series(scenario)) {
				for (StepResult step : this.run.steps(scenario, series)) {
					Optional<ProcessSample> sample = this.run.processes(step.step());
					if (sample.isEmpty()) {
						continue;
					}
					// Per create committed in the window when the log tells (a saturated
					// step commits fewer than arrive), else per arrival.
					double perSecond = commitRate(step).filter((rate) -> rate > 0).orElse(step.rate());
					double creates = perSecond * sample.get().windowSeconds();
					for (ProcessSample.Process process : sample.get().processes()) {
						table.row(step.step(), processName(process.name()),
								"%.0f %%".formatted(100 * process.ofOneCore()),
								"%.0f %%".formatted(100 * process.ofMachine()),
								"%.2f ms".formatted(1000 * process.cpuSeconds() / creates),
								"%.0f MiB".formatted(process.peakMemoryMb()));
					}
					notes.add("%s: the machine was %.0f %% busy, %.0f %% of it by other processes than these".formatted(
							step.step(), 100 * sample.get().machineBusy(),
							100 * Math.max(0,
									sample.get().machineBusy() - sample.get()
										.processes()
										.stream()
										.mapToDouble(ProcessSample.Process::ofMachine)
										.sum())));
				}
			}
		}
		if (table.isEmpty()) {
			return "";
		}
		return "### Resources at " + this.run.machine("sampled_rate").replace("?", "100") + " creates/s\n\n" + table
				+ "\nCPU is utime+stime from `/proc/<pid>/stat` over the step's arrival window; peak memory is VmHWM "
				+ "from `/proc/<pid>/status` (for PostgreSQL the largest of its processes, each of which counts the "
				+ "shared buffers it touched). " + String.join("; ", notes) + ".\n\n";
	}

	private String stages() {
		List<String> steps = new ArrayList<>();
		for (int series : this.run.series("sync")) {
			List<StepResult> ofSeries = this.run.steps("sync", series);
			if (!ofSeries.isEmpty()) {
				steps.add(ofSeries.get(0).step());
			}
			ofSeries.stream()
				.filter((step) -> step.rate() == 100 && !steps.contains(step.step()))
				.forEach((step) -> steps.add(step.step()));
		}
		List<String> columns = new ArrayList<>();
		List<StageBreakdown> breakdowns = new ArrayList<>();
		for (String step : steps) {
			Optional<Path> log = this.run.log(step);
			if (log.isEmpty()) {
				continue;
			}
			StageBreakdown.of(log.get(), this.run.answers(step)).ifPresent((breakdown) -> {
				columns.add(step + " (" + breakdown.joined() + ")");
				breakdowns.add(breakdown);
			});
		}
		if (breakdowns.isEmpty()) {
			return "";
		}
		List<String> header = new ArrayList<>();
		header.add("stage");
		columns.forEach((column) -> header.add(column + " p50 / p99"));
		header.add("what happens in it");
		MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
		for (int i = 0; i < breakdowns.get(0).stages().size(); i++) {
			List<Object> row = new ArrayList<>();
			StageBreakdown.Stage first = breakdowns.get(0).stages().get(i);
			row.add(first.name());
			for (StageBreakdown breakdown : breakdowns) {
				Latencies latency = breakdown.stages().get(i).latency();
				row.add(ms(latency.p50()) + " / " + ms(latency.p99()));
			}
			row.add(first.includes());
			table.row(row.toArray());
		}
		MarkdownTable worker = new MarkdownTable("step", "consumer threads", "claim → commit p50 / p99 / mean",
				"commit → next claim p50 / p99 / mean", "records/s the threads can sustain");
		for (int i = 0; i < breakdowns.size(); i++) {
			StageBreakdown.WorkerThreads threads = breakdowns.get(i).worker();
			if (breakdowns.get(i).stages().get(1).latency().p50() < QUEUED_MILLIS) {
				continue;
			}
			worker.row(columns.get(i), threads.threads(), triple(threads.claimToCommit()),
					triple(threads.commitToNextClaim()), "%.0f".formatted(threads.capacityPerSecond()));
		}
		return "### Where a create's time goes\n\n" + table
				+ "\nFrom the stack's own log lines (the round trip annotated in the README), joined by phone number "
				+ "with the client's send and answer times; only 201 answers with all five lines count (their number "
				+ "is in the header). Log times are in milliseconds and are taken where each line is written: "
				+ "\"accepted\" before the request's commit, the stand-in's lines when it stored a trunk, before it "
				+ "answered.\n\n"
				+ "The worker's consumer threads, per record of the same creates (from each thread's own log "
				+ "lines): \"commit → next claim\" is what a thread does between committing one trunk and claiming the "
				+ "next record (publish the outcome and wait for the broker, commit the offset, poll, parse, claim), "
				+ "counted when it went straight on to another record; the sustainable rate is threads × 1000 / (mean "
				+ "claim → commit + mean commit → next claim). Only steps where records queued for the worker "
				+ "(accepted → claimed p50 ≥ " + QUEUED_MILLIS + " ms) are shown: elsewhere the gap is idle time.\n\n"
				+ (worker.isEmpty() ? "No step queued records for the worker.\n\n" : worker + "\n");
	}

	private String queues() {
		MarkdownTable table = new MarkdownTable("step", "outbox events waiting (relay)",
				"creates waiting for their outcome (gateway)", "records not yet fetched by the worker (Kafka lag)",
				"threads waiting for a DB connection (gateway / worker)");
		for (String scenario : List.of("sync", "saturation")) {
			for (int series : this.run.series(scenario)) {
				for (StepResult step : this.run.steps(scenario, series)) {
					QueueSamples.of(this.run.directory().resolve("results").resolve(step.step() + ".queues.tsv"))
						.ifPresent((queues) -> table.row(step.step(), queues.outboxPending(), queues.repliesWaiting(),
								queues.kafkaLag(), queues.gatewayDbWaiting() + " / " + queues.workerDbWaiting()));
				}
			}
		}
		if (table.isEmpty()) {
			return "";
		}
		return "### Where the backlog waits\n\n" + table
				+ "\nThe largest value of each queue in the services' Prometheus pages, sampled every 2 s during the step "
				+ "(`trunkline_outbox_pending`, `trunkline_replies_waiting`, the worker consumers' "
				+ "`kafka_consumer_fetch_manager_records_lag`, `hikaricp_connections_pending`). The queue that grows "
				+ "names the bottleneck. Kafka's lag counts only records the worker has not fetched: up to 50 per "
				+ "consumer (`max.poll.records`) wait inside the worker uncounted, so creates waiting for their outcome "
				+ "while the outbox and the lag stay small are waiting in the worker.\n\n";
	}

	private static String triple(Latencies latency) {
		return "%s / %s / %.0f ms".formatted(ms(latency.p50()), ms(latency.p99()), latency.mean());
	}

	private String profiles() {
		List<StepResult> profiled = new ArrayList<>();
		this.run.step("sync-0ms-" + this.run.machine("sampled_rate").replace("?", "100")).ifPresent(profiled::add);
		this.run.step("onboarding").ifPresent(profiled::add);
		List<StepResult> saturation = this.run.steps("saturation", firstSeries("saturation"));
		if (!saturation.isEmpty()) {
			profiled.add(saturation.get(saturation.size() - 1));
		}
		StringBuilder md = new StringBuilder();
		int cores = Integer.parseInt(this.run.machine("nproc").replace("?", "2"));
		for (StepResult step : profiled) {
			Optional<Path> recording = this.run.flightRecording(step.step());
			if (recording.isEmpty() || step.startedAt() == 0) {
				continue;
			}
			CpuProfile profile = CpuProfile.of(recording.get(), Instant.ofEpochMilli(step.startedAt()),
					Instant.ofEpochMilli(step.lastAnswerAt()), cores);
			md.append(profile(step, profile));
		}
		return md.isEmpty() ? "" : "### Where the stack's CPU goes (JFR)\n\n" + md;
	}

	private String profile(StepResult step, CpuProfile profile) {
		StringBuilder md = new StringBuilder();
		md.append("**")
			.append(step.step())
			.append("**: the stack's JVM used %.0f %% of the machine (%.2f cores), the machine was %.0f %% busy in all; "
				.formatted(100 * profile.jvmLoad(), profile.jvmLoad() * profile.cores(), 100 * profile.machineLoad()))
			.append("%d garbage collections paused %d ms in all; %,d execution samples.\n\n"
				.formatted(profile.gcCount(), profile.gcPauses().toMillis(), profile.samples()));
		MarkdownTable groups = new MarkdownTable("thread group", "CPU, % of the machine", "execution samples",
				"allocation");
		for (Map.Entry<String, Double> group : profile.threadGroups().entrySet()) {
			groups.row(group.getKey(), "%.1f %%".formatted(100 * group.getValue()),
					share(profile.sampleGroups().getOrDefault(group.getKey(), 0), profile.samples()),
					"%.0f MB/s".formatted(profile.allocationMbPerSecond().getOrDefault(group.getKey(), 0.0)));
		}
		MarkdownTable libraries = new MarkdownTable("library (anywhere on the sampled stack)", "samples");
		profile.libraries().forEach((library, count) -> libraries.row(library, share(count, profile.samples())));
		MarkdownTable methods = new MarkdownTable("hottest leaf methods", "samples");
		profile.topMethods()
			.forEach((method, count) -> methods.row("`" + method + "`", share(count, profile.samples())));
		md.append(groups).append("\n").append(libraries).append("\n").append(methods).append("\n");
		return md.toString();
	}

	private String plots() {
		Path directory = this.docs.resolve("benchmarks");
		StringBuilder md = new StringBuilder();
		LatencyCharts latency = new LatencyCharts();
		for (int series : this.run.series("sync")) {
			latency.add("pipeline, stand-in +" + series + " ms", this.run.steps("sync", series));
		}
		for (int series : this.run.series("floor")) {
			latency.add("floor, stand-in +" + series + " ms", this.run.steps("floor", series));
		}
		if (!latency.isEmpty()) {
			String name = this.stamp + "-latency.png";
			latency.write("Create latency against arrival rate (p50 solid, p99 dashed)", directory.resolve(name), 50,
					"target p99 at 100/s: 50 ms");
			md.append("![Create latency against arrival rate](").append(name).append(")\n\n");
		}
		int series = firstSeries("saturation");
		List<StepResult> saturation = this.run.steps("saturation", series);
		if (!saturation.isEmpty()) {
			String name = this.stamp + "-saturation.png";
			new LatencyCharts().add("pipeline, stand-in +" + series + " ms", saturation)
				.write("Saturation search (p50 solid, p99 dashed)", directory.resolve(name), 1000, "knee: p99 1 s",
						false);
			md.append("![Saturation search](").append(name).append(")\n\n");
		}
		return md.isEmpty() ? "" : "### Plots\n\n" + md;
	}

	private int firstSeries(String scenario) {
		List<Integer> series = this.run.series(scenario);
		return series.isEmpty() ? 0 : series.get(0);
	}

	private String committedPerSecond(StepResult step) {
		return commitRate(step).map((rate) -> "%.1f".formatted(rate)).orElse("–");
	}

	/**
	 * @return the step's creates the stack committed per second, from its log
	 */
	private Optional<Double> commitRate(StepResult step) {
		// Several tables show it; each computation reads the whole stack log.
		return this.commitRates.computeIfAbsent(step.step(), (name) -> this.run.log(name)
			.flatMap((log) -> CommitRate.of(log, this.run.answers(name), step.startedAt(), step.lastAnswerAt())));
	}

	private static Optional<StepResult> knee(List<StepResult> steps) {
		StepResult knee = null;
		for (StepResult step : steps) {
			if (saturated(step)) {
				break;
			}
			knee = step;
		}
		return Optional.ofNullable(knee);
	}

	private static boolean saturated(StepResult step) {
		return step.latency().p99() > 1000 || !step.others().isEmpty();
	}

	private static String others(StepResult step) {
		return others(step.others());
	}

	private static String others(Map<Integer, Integer> others) {
		if (others.isEmpty()) {
			return "none";
		}
		return others.entrySet()
			.stream()
			.map((entry) -> "%s: %,d".formatted((entry.getKey() == 0) ? "no answer" : entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	private static String processName(String name) {
		return switch (name) {
			case "stack" -> "local stack JVM (gateway, worker, Kafka, stand-in)";
			case "floor" -> "floor JVM (service, stand-in)";
			case "gatling" -> "Gatling JVM";
			case "postgres" -> "PostgreSQL (all its processes)";
			default -> name;
		};
	}

	private static double ratio(long pipeline, long floor) {
		return (double) pipeline / Math.max(1, floor);
	}

	private static String ms(long millis) {
		if (millis >= 10_000) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		return String.format(Locale.ROOT, "%,d ms", millis);
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String share(int count, int total) {
		return (total > 0) ? "%.1f %%".formatted(100.0 * count / total) : "–";
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

}
