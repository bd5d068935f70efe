package io.trunkline.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trunkline.bench.load.StepResult;

/**
 * What bench/run left in a run's directory: {@code machine.properties}, {@code steps.tsv}
 * (which process served each step), {@code results/} (one JSON, one answers CSV and
 * sometimes a process sample per step), and the logs and flight recordings of the stacks.
 */
final class RunDirectory {

	private static final ObjectMapper json = new ObjectMapper()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private final Path directory;

	private final Properties machine;

	private final List<StepResult> steps;

	private final Map<String, String> processOfStep;

	private RunDirectory(Path directory, Properties machine, List<StepResult> steps,
			Map<String, String> processOfStep) {
		this.directory = directory;
		this.machine = machine;
		this.steps = steps;
		this.processOfStep = processOfStep;
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
		Map<String, String> processOfStep = new LinkedHashMap<>();
		Path tsv = directory.resolve("steps.tsv");
		if (Files.exists(tsv)) {
			try {
				for (String line : Files.readAllLines(tsv)) {
					String[] fields = line.split("\t", -1);
					if (fields.length == 2) {
						processOfStep.put(fields[0], fields[1]);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new RunDirectory(directory, machine, steps, processOfStep);
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

	Optional<ProcessSample> processes(String step) {
		Path file = this.directory.resolve("results").resolve(step + ".processes.properties");
		return Files.exists(file) ? Optional.of(ProcessSample.of(properties(file))) : Optional.empty();
	}

	Path answers(String step) {
		return this.directory.resolve("results").resolve(step + ".answers.csv");
	}

	/**
	 * @return the log of the process (stack or floor) that served a step
	 */
	Optional<Path> log(String step) {
		return processFile(step, ".log");
	}

	/**
	 * @return the flight recording of the stack that served a step
	 */
	Optional<Path> flightRecording(String step) {
		return processFile(step, ".jfr");
	}

	private Optional<Path> processFile(String step, String suffix) {
		String process = this.processOfStep.get(step);
		if (process == null || process.isBlank()) {
			return Optional.empty();
		}
		Path file = this.directory.resolve(process + suffix);
		return Files.exists(file) ? Optional.of(file) : Optional.empty();
	}

	Path directory() {
		return this.directory;
	}

}
