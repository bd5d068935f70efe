package io.trunkline.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Where a run's results go: {@code <step>.json} and {@code <step>.answers.csv} in the
 * results directory, and the marker that tells bench/run arrivals have started.
 */
final class Results {

	/**
	 * The saturation search stops at the first rate whose p99 passes this, or that gets
	 * any answer but {@code 201}.
	 */
	static final long SATURATED_P99_MILLIS = 1000;

	private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private Results() {
	}

	static void markStarted(LoadSettings settings) {
		if (settings.marker() == null) {
			return;
		}
		try {
			Files.createDirectories(settings.marker().toAbsolutePath().getParent());
			Files.writeString(settings.marker(), Long.toString(System.currentTimeMillis()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(LoadSettings settings, StepResult result, AnswerLog answers) {
		try {
			Files.createDirectories(settings.results());
			json.writeValue(settings.results().resolve(settings.step() + ".json").toFile(), result);
			answers.writeCsv(settings.results().resolve(settings.step() + ".answers.csv"));
			int others = result.others().values().stream().mapToInt(Integer::intValue).sum();
			Files.writeString(settings.results().resolve(settings.step() + ".summary"),
					String.join("\n", "drained=" + result.drained(),
							"saturated=" + (others > 0 || result.latency().p99() > SATURATED_P99_MILLIS),
							"p99=" + result.latency().p99(), "others=" + others, ""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static double seconds(long fromMillis, long toMillis) {
		return Math.max(0, toMillis - fromMillis) / 1000.0;
	}

}
