package io.trunkline.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.trunkline.bench.load.ColdStartResult;
import io.trunkline.bench.load.Latencies;
import io.trunkline.bench.load.StepResult;

/**
 * Writes the figures of one run of bench/run to its own file,
 * {@code docs/benchmarks/<date>-<commit>.md}, draws its plots beside it, and adds the
 * run's row to the progress table of {@code docs/benchmarks.md} (just above its
 * {@code | target |} row); a run with the cold-start scenario also puts its row into the
 * page's latest figures, in place of the previous one. Nothing else of that page changes.
 * <p>
 * {@code java -cp ... BenchmarkReport <run directory> <docs directory>}
 */
public final class BenchmarkReport {

	private static final String DOCUMENT = "benchmarks.md";

	private static final String TARGET_ROW = "| target |";

	private static final String NEW_DOCUMENT = """
			# Benchmarks

			## Latest figures against the targets

			| target | measured | met |
			|---|---|---|

			## Progress

			| run (UTC) | commit | machine: CPU calibration, floor's knee | p50 / p99 at 100/s | knee | 10,000 onboarded in |
			|---|---|---|---|---|---|
			| target | | | 10 / 50 ms | 500/s | 30 s |
			""";

	private static final String LATEST_HEADING = "## Latest figures against the targets";

	private static final String COLD_TARGET = "creates 100–199 after a cold start: p50 ≤ 10 ms";

	/** The jfr tool's views each profiled step shows, in order. */
	private static final List<String> VIEWS = List.of("hot-methods", "thread-cpu-load");

	/** A view's title, its header and its first 20 rows (hot-methods has 25). */
	private static final int VIEW_LINES = 24;

	private final RunDirectory run;

	private final Path docs;

	private final String stamp;

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
			page = MarkdownTable.withRow(page, "## Progress", TARGET_ROW, null, progressRow(file));
			Optional<String> cold = coldRow(file);
			if (cold.isPresent()) {
				page = MarkdownTable.withRow(page, LATEST_HEADING, null, "| " + COLD_TARGET + " |", cold.get());
			}
			Files.writeString(document, page);
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
		md.append(coldStart());
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
		md.append("Raw results (with the Prometheus pages scraped), logs, flight recordings and Gatling's HTML "
				+ "reports: `bench/target/runs/")
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
		this.run.coldStart().ifPresent((cold) -> {
			table.row(COLD_TARGET, "%.1f ms".formatted(cold.window(100, 199).p50()), met(coldTargetMet(cold)));
		});
		return table.isEmpty() ? "" : "### Against the targets\n\n" + table + "\n";
	}

	private String coldStart() {
		Optional<ColdStartResult> result = this.run.coldStart();
		if (result.isEmpty()) {
			return "";
		}
		ColdStartResult cold = result.get();
		String heading = "### Cold start\n\n";
		String launch = "`java -Xmx%s %s-jar local-stack.jar`".formatted(this.run.machine("stack_heap"),
				this.run.machine("stack_options").isBlank() ? "" : this.run.machine("stack_options") + " ");
		if (cold.apiReadyAt() == 0 || cold.creates().isEmpty()) {
			return heading + "The stack, launched with " + launch + ", did not report ready in time.\n\n";
		}
		StringBuilder md = new StringBuilder(heading);
		md.append("A freshly launched stack (")
			.append(launch)
			.append("; the options are `BENCH_STACK_OPTS`), ")
			.append("before anything else ran on it. Its API reported ready (`/actuator/health/readiness` answering ")
			.append("200) **%s** after the launch; the first create, sent at once, was answered %d **%s** after the "
				.formatted(seconds(cold.launchToReadyMillis()), cold.creates().get(0).status(),
						seconds(cold.creates().get(0).sentAt() + cold.creates().get(0).micros() / 1000
								- cold.launchedAt())))
			.append("launch");
		if (cold.creates().get(0).status() != 201) {
			md.append(cold.launchToFirstCreatedMillis()
				.stream()
				.mapToObj((millis) -> " (the first 201: " + seconds(millis) + ")")
				.findFirst()
				.orElse(" (no create was answered 201)"));
		}
		md.append(".");
		Optional<ScrapeWindow> gateway = this.run.sinceLaunch("cold", "gateway");
		Optional<ScrapeWindow> worker = this.run.sinceLaunch("cold", "worker");
		if (gateway.isPresent() && worker.isPresent()) {
			StackResources stack = StackResources.of(gateway.get());
			md.append(" The gateway's Spring context took %.1f s to be ready, the worker's (started after it) %.1f s "
				.formatted(gateway.get().atEnd("application_ready_time_seconds", Map.of()),
						worker.get().atEnd("application_ready_time_seconds", Map.of())))
				.append("(`application_ready_time_seconds`). From the launch to the last answer the JVM used %.1f s "
					.formatted(stack.cpuSeconds()))
				.append("of CPU; its JIT compilers were at work for %.1f s (added up over their threads), and it paused "
					.formatted(stack.jitSeconds()))
				.append("%d times for collections, %.0f ms in all.".formatted(stack.gcPauses(),
						1000 * stack.gcPauseSeconds()));
		}
		md.append("\n\n");
		MarkdownTable table = new MarkdownTable("creates (counted from 0)", "answers", "p50", "p90", "max",
				"other answers");
		for (int[] window : new int[][] { { 0, 0 }, { 1, 99 }, { 100, 199 }, { 200, 499 } }) {
			ColdStartResult.Window figures = cold.window(window[0], window[1]);
			if (figures.count() > 0) {
				table.row((window[0] == window[1]) ? window[0] + " (the first)" : window[0] + "–" + window[1],
						figures.count(), "%.1f ms".formatted(figures.p50()), "%.1f ms".formatted(figures.p90()),
						"%.1f ms".formatted(figures.max()), others(figures.others()));
			}
		}
		ColdStartResult.Window steady = cold.window(100, 199);
		md.append(table)
			.append("\nOne client sends the creates one at a time, each once the previous one is answered (distinct "
					+ "trunks, both kinds, as in the other scenarios), with the JDK's HTTP client over one kept-alive "
					+ "connection; latency as it measured it, in its own fresh JVM. Target: creates 100–199 at p50 ≤ "
					+ "10 ms: %.1f ms, **%s**.\n\n".formatted(steady.p50(), coldTargetMet(cold) ? "met" : "missed"));
		return md.toString();
	}

	/**
	 * @return the cold start's row of the latest figures in docs/benchmarks.md
	 */
	private Optional<String> coldRow(Path file) {
		return this.run.coldStart().filter((cold) -> cold.apiReadyAt() > 0).map((cold) -> {
			String date = this.run.machine("date");
			String firstCreated = cold.launchToFirstCreatedMillis()
				.stream()
				.mapToObj(BenchmarkReport::seconds)
				.findFirst()
				.orElse("never");
			return "| %s | %.1f ms (API ready %s after the launch, first 201 at %s; [run of %s %s](benchmarks/%s), "
				.formatted(COLD_TARGET, cold.window(100, 199).p50(), seconds(cold.launchToReadyMillis()), firstCreated,
						date.substring(5, 10), date.substring(11, 16), file.getFileName())
					+ "stack options `%s`) | %s |".formatted(this.run.machine("stack_options"),
							met(coldTargetMet(cold)));
		});
	}

	private static boolean coldTargetMet(ColdStartResult cold) {
		ColdStartResult.Window steady = cold.window(100, 199);
		return steady.count() > 0 && steady.p50() <= 10;
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
				+ "committed: creates the worker committed per second over the step's arrivals (its "
				+ "`trunkline_provisioning_outcomes_total`), which also counts those answered 202 after the 25 s wait "
				+ "and committed within them.\n\n";
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
		MarkdownTable table = new MarkdownTable("step", "CPU, % of one core", "CPU, % of the machine",
				"CPU per committed create", "JIT compilers at work", "GC pauses", "allocated per create",
				"heap used at the end", "committed heap + non-heap", "load average (1 min)");
		for (int series : this.run.series("sync")) {
			for (StepResult step : this.run.steps("sync", series)) {
				Optional<ScrapeWindow> gateway = this.run.window(step.step(), "gateway");
				if (gateway.isEmpty()) {
					continue;
				}
				StackResources stack = StackResources.of(gateway.get());
				// Per create committed in the window when the worker tells (a saturated
				// step commits fewer than arrive), else per arrival.
				double creates = commitRate(step).filter((rate) -> rate > 0).orElse(step.rate()) * stack.seconds();
				table.row(step.step(), "%.0f %%".formatted(100 * stack.ofOneCore()),
						"%.0f %%".formatted(100 * stack.ofMachine()),
						"%.2f ms".formatted(1000 * stack.cpuSeconds() / creates),
						"%.2f cores".formatted(stack.jitSeconds() / stack.seconds()),
						"%d, %.0f ms in all".formatted(stack.gcPauses(), 1000 * stack.gcPauseSeconds()),
						// Micrometer adds up the allocation at each collection.
						(stack.gcPauses() > 0) ? "%.0f KB".formatted(stack.allocatedBytes() / 1024 / creates) : "–",
						"%.0f MiB".formatted(stack.heapUsedBytes() / 1024 / 1024),
						"%.0f MiB".formatted(stack.committedBytes() / 1024 / 1024),
						"%.2f".formatted(stack.loadAverage()));
			}
		}
		if (table.isEmpty()) {
			return "";
		}
		return "### Resources of the stack's JVM\n\n" + table
				+ "\nFrom the JVM's own metrics on the gateway's Prometheus page, scraped when a step's measured arrivals "
				+ "began and when they ended (`process_cpu_time_ns_total`, `jvm_compilation_time_ms_total`, "
				+ "`jvm_gc_pause_seconds`, `jvm_gc_memory_allocated_bytes_total`, `jvm_memory_used_bytes`, "
				+ "`jvm_memory_committed_bytes`, `system_load_average_1m`; the worker's page reports the same JVM). "
				+ "The JIT compilers' time is how long they were at work, added up over their threads (on a busy "
				+ "machine it can exceed their CPU); the allocation is counted at each collection (\"–\": none in the "
				+ "step). "
				+ "PostgreSQL, the load generator and the floor are not in it: they publish no CPU of their own (see "
				+ "the method); the load average tells how busy the machine was.\n\n";
	}

	private String stages() {
		List<String> columns = new ArrayList<>();
		List<ScrapeWindow[]> windows = new ArrayList<>();
		List<Optional<StepResult>> clients = new ArrayList<>();
		for (String step : stagedSteps()) {
			Optional<ScrapeWindow> gateway = this.run.window(step, "gateway");
			Optional<ScrapeWindow> worker = this.run.window(step, "worker");
			if (gateway.isPresent() && worker.isPresent()) {
				columns.add(step);
				windows.add(new ScrapeWindow[] { gateway.get(), worker.get() });
				clients.add(this.run.step(step));
			}
		}
		Optional<ScrapeWindow> coldGateway = this.run.sinceLaunch("cold", "gateway");
		Optional<ScrapeWindow> coldWorker = this.run.sinceLaunch("cold", "worker");
		if (coldGateway.isPresent() && coldWorker.isPresent()) {
			columns.add("cold start (since launch)");
			windows.add(new ScrapeWindow[] { coldGateway.get(), coldWorker.get() });
			clients.add(Optional.empty());
		}
		if (columns.isEmpty()) {
			return "";
		}
		List<String> header = new ArrayList<>(List.of("stage"));
		header.addAll(columns);
		header.add("what happens in it");
		MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
		for (PipelineStage stage : PipelineStage.PATH) {
			List<Object> row = new ArrayList<>();
			row.add(stage.timed() ? "%s (`%s`)".formatted(stage.name(), stage.metric()) : stage.name());
			for (ScrapeWindow[] window : windows) {
				row.add(stage.timed() ? timing(stage, stage.timing(window[0], window[1])) : "no timer");
			}
			row.add(stage.includes());
			table.row(row.toArray());
		}
		List<Object> client = new ArrayList<>(List.of("end to end, as the client saw it"));
		clients.forEach((step) -> client.add(step.map((s) -> "mean %.1f · p50 %d · p99 %d ms (%,d)"
			.formatted(s.latency().mean(), s.latency().p50(), s.latency().p99(), s.latency().count())).orElse("–")));
		client.add("Gatling's response time of the step's measured answers");
		table.row(client.toArray());
		return "### Where a create's time goes\n\n" + table
				+ "\nFrom the services' own timers (Micrometer), read from their Prometheus pages scraped when a step's "
				+ "measured arrivals began and when they ended: the growth of each timer's count and sum gives the mean "
				+ "of what it recorded in between, and where the timer publishes a histogram (`_bucket`), the growth of "
				+ "its buckets gives p50 and p99, estimated as Prometheus's `histogram_quantile` does (linear within a "
				+ "bucket; Micrometer's buckets are a fifth to a third of their bound wide). Counts are in brackets: the "
				+ "database rows count every borrow of a connection, the LiveKit rows every call. \"No timer\": the "
				+ "services measure nothing for that stage; \"not recorded\": the timer exists but has not been used "
				+ "yet. The cold start's column counts everything from the launch to the end of its creates.\n\n";
	}

	/**
	 * @return the steps whose stages the report shows: the first step and the one at the
	 * sampled rate of each series of scenario 1, and partner onboarding
	 */
	private List<String> stagedSteps() {
		List<String> steps = new ArrayList<>();
		String sampled = this.run.machine("sampled_rate").replace("?", "100");
		for (int series : this.run.series("sync")) {
			List<StepResult> ofSeries = this.run.steps("sync", series);
			steps.add(ofSeries.get(0).step());
			ofSeries.stream()
				.filter((step) -> number(step.rate()).equals(sampled) && !steps.contains(step.step()))
				.forEach((step) -> steps.add(step.step()));
		}
		this.run.step("onboarding").ifPresent((step) -> steps.add(step.step()));
		return steps;
	}

	private static String timing(PipelineStage stage, ScrapeWindow.Timing timing) {
		if (timing == null) {
			return "not recorded";
		}
		if (!stage.inSeconds()) {
			return "mean %.1f (%,d)".formatted(timing.mean(), timing.count());
		}
		if (timing.p50().isEmpty()) {
			return "mean %.1f ms (%,d)".formatted(1000 * timing.mean(), timing.count());
		}
		return "mean %.1f · p50 %.1f · p99 %.1f ms (%,d)".formatted(1000 * timing.mean(),
				1000 * timing.p50().getAsDouble(), 1000 * timing.p99().getAsDouble(), timing.count());
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

	private String profiles() {
		List<String> profiled = new ArrayList<>();
		String sampled = this.run.machine("sampled_rate").replace("?", "100");
		for (int series : this.run.series("sync")) {
			profiled.add("sync-" + series + "ms-" + sampled);
		}
		profiled.add("onboarding");
		List<StepResult> saturation = this.run.steps("saturation", firstSeries("saturation"));
		if (!saturation.isEmpty()) {
			profiled.add(saturation.get(saturation.size() - 1).step());
		}
		StringBuilder md = new StringBuilder();
		for (String step : profiled) {
			if (!this.run.profiled(step)) {
				continue;
			}
			md.append("**").append(step).append("**");
			Optional<String> load = this.run.profileView(step, "cpu-load");
			load.ifPresent((view) -> md.append(" (JFR's CPU load, mean over the recording: ")
				.append(view.lines()
					.filter((line) -> line.contains("(Average):"))
					.map((line) -> line.replace(" (Average):", "").strip())
					.collect(Collectors.joining(", ")))
				.append(")"));
			md.append("\n\n");
			for (String view : VIEWS) {
				Optional<String> text = this.run.profileView(step, view);
				if (text.isPresent()) {
					md.append("```text\n")
						.append(text.get().strip().lines().limit(VIEW_LINES).collect(Collectors.joining("\n")))
						.append("\n```\n\n");
				}
				else {
					md.append(
							"No `%s` view (it needs the `jfr` tool of JDK 21 or later); the recording is `profiles/%s.jfr`.\n\n"
								.formatted(view, step));
				}
			}
		}
		return md.isEmpty() ? "" : "### Where the stack's CPU goes (JFR)\n\n"
				+ "Each profiled step has its own flight recording (JFR, default settings), from just before its load "
				+ "generator starts to the end of its measured arrivals, shown with the JDK's `jfr view` (hot-methods: "
				+ "execution samples by leaf method; thread-cpu-load: CPU by thread, the busiest 20).\n\n" + md;
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
	 * @return creates the worker committed per second over the step's measured arrivals,
	 * from its outcome counter
	 */
	private Optional<Double> commitRate(StepResult step) {
		return this.run.window(step.step(), "worker")
			.filter((worker) -> worker.seconds() > 0)
			.map((worker) -> worker.growth("trunkline_provisioning_outcomes_total", Map.of("result", "provisioned"))
					/ worker.seconds());
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

	private static double ratio(long pipeline, long floor) {
		return (double) pipeline / Math.max(1, floor);
	}

	private static String ms(long millis) {
		if (millis >= 10_000) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		return String.format(Locale.ROOT, "%,d ms", millis);
	}

	private static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

}
