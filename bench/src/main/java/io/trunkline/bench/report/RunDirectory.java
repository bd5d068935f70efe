package io.trunkline.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkline.bench.load.ColdStartResult;
import io.trunkline.bench.load.StepResult;

/**
 * What bench/run left in a run's directory: {@code machine.properties}, {@code results/}
 * (one JSON and one answers CSV per step, and for the stack's steps the services'
 * Prometheus pages at the start and end of the step), {@code cold-start.json}, and
 * {@code profiles/} (flight recordings of some steps and the {@code jfr} tool's views of
 * them).
 */
final class RunDirectory {

	private static final ObjectMapper json = new ObjectMapper()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private final Path directory;

	private final Properties machine;

	private final List<StepResult> steps;

	private RunDirectory(Path directory, Properties machine, List<StepResult> steps) {
		this.directory = directory;
		this.machine = machine;
		this.steps = steps;
	}

	static RunDirectory read(Path directory) {
		Properties machine = properties(directory.resolve("machine.properties"));
		List<StepResult> steps = new ArrayList<>();
		Path results = directory.resolve("results");
		if (Files.isDirectory(results)) {
			try (Stream<Path> files = Files.list(results)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
					steps.add(json.readValue(file.toFile(), StepResult.class));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new RunDirectory(directory, machine, steps);
	}

	/**
	 * @return each stack's warm-up, in start order: its name, seconds warmed up, and the
	 * share of a core its JIT compilers worked during the last round
	 */
	List<String[]> warmUps() {
		Path tsv = this.directory.resolve("warmup").resolve("warmups.tsv");
		if (!Files.exists(tsv)) {
			return List.of();
		}
		try {
			return Files.readAllLines(tsv)
				.stream()
				.map((line) -> line.split("\t", -1))
				.filter((fields) -> fields.length == 3)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Properties properties(Path file) {
		Properties properties = new Properties();
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return properties;
	}

	String machine(String key) {
		return this.machine.getProperty(key, "?");
	}

	Optional<StepResult> step(String name) {
		return this.steps.stream().filter((step) -> step.step().equals(name)).findFirst();
	}

	/**
	 * @return the steps of a scenario and series, by rising rate
	 */
	List<StepResult> steps(String scenario, int series) {
		return this.steps.stream()
			.filter((step) -> step.scenario().equals(scenario) && step.series() == series)
			.sorted(Comparator.comparingDouble(StepResult::rate))
			.toList();
	}

	/**
	 * @return the latency series present, in the order of first appearance
	 */
	List<Integer> series(String scenario) {
		return this.steps.stream()
			.filter((step) -> step.scenario().equals(scenario))
			.map(StepResult::series)
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * @param step a step of the stack
	 * @param service {@code gateway} or {@code worker}
	 * @return the service's metrics over the step, from the pages scraped at its start
	 * and end
	 */
	Optional<ScrapeWindow> window(String step, String service) {
		Optional<PrometheusPage> start = page(step + ".start." + service);
		Optional<PrometheusPage> end = page(step + ".end." + service);
		return (start.isPresent() && end.isPresent()) ? Optional.of(new ScrapeWindow(start.get(), end.get()))
				: Optional.empty();
	}

	/**
	 * @return the service's metrics from the JVM's launch to the page scraped at the end
	 * of the step
	 */
	Optional<ScrapeWindow> sinceLaunch(String step, String service) {
		return page(step + ".end." + service).map((end) -> new ScrapeWindow(PrometheusPage.EMPTY, end));
	}

	private Optional<PrometheusPage> page(String name) {
		return PrometheusPage.read(this.directory.resolve("results").resolve(name + ".prom"));
	}

	Optional<ColdStartResult> coldStart() {
		Path file = this.directory.resolve("cold-start.json");
		try {
			return Files.exists(file) ? Optional.of(json.readValue(file.toFile(), ColdStartResult.class))
					: Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param step a profiled step
	 * @param view a view of the {@code jfr} tool, e.g. {@code hot-methods}
	 * @return the view of the step's flight recording, as the tool printed it
	 */
	Optional<String> profileView(String step, String view) {
		Path file = this.directory.resolve("profiles").resolve(step + "." + view + ".txt");
		try {
			return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return whether the step was recorded (its views may still be missing: they need
	 * the {@code jfr} tool of JDK 21 or later)
	 */
	boolean profiled(String step) {
		return Files.exists(this.directory.resolve("profiles").resolve(step + ".jfr"));
	}

	Path directory() {
		return this.directory;
	}

}
