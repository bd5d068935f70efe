package io.trunkline.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One scrape of a service's {@code /actuator/prometheus} page (the text exposition
 * format: {@code name{label="value",...} value}); comment lines are skipped.
 *
 * @param samples every sample on the page, in its order
 */
record PrometheusPage(List<Sample> samples) {

	/** A page with no samples: every counter at zero, as at the JVM's launch. */
	static final PrometheusPage EMPTY = new PrometheusPage(List.of());

	static Optional<PrometheusPage> read(Path file) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(parse(Files.readString(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static PrometheusPage parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				samples.add(Sample.parse(line.strip()));
			}
		}
		return new PrometheusPage(List.copyOf(samples));
	}

	/**
	 * @param name a sample name, e.g. {@code process_cpu_time_ns_total}
	 * @param labels labels the samples must carry (others may differ)
	 * @return whether any sample matches
	 */
	boolean has(String name, Map<String, String> labels) {
		return this.samples.stream().anyMatch((sample) -> sample.matches(name, labels));
	}

	/**
	 * @return the sum of the matching samples' values (NaN counts as 0), 0 when none
	 * match
	 */
	double sum(String name, Map<String, String> labels) {
		return this.samples.stream()
			.filter((sample) -> sample.matches(name, labels))
			.mapToDouble(Sample::value)
			.filter((value) -> !Double.isNaN(value))
			.sum();
	}

	/**
	 * @param name a histogram's bucket samples, e.g.
	 * {@code http_server_requests_seconds_bucket}
	 * @return the cumulative count at each upper bound ({@code le}, +Inf last), summed
	 * over the matching series
	 */
	TreeMap<Double, Double> buckets(String name, Map<String, String> labels) {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		this.samples.stream().filter((sample) -> sample.matches(name, labels)).forEach((sample) -> {
			String bound = sample.labels().get("le");
			if (bound != null) {
				buckets.merge(Sample.number(bound), sample.value(), Double::sum);
			}
		});
		return buckets;
	}

	/**
	 * One sample.
	 *
	 * @param name its name
	 * @param labels its labels, in their order on the page
	 * @param value its value
	 */
	record Sample(String name, Map<String, String> labels, double value) {

		boolean matches(String name, Map<String, String> labels) {
			return this.name.equals(name) && this.labels.entrySet().containsAll(labels.entrySet());
		}

		static Sample parse(String line) {
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			if (brace < 0 || (space >= 0 && space < brace)) {
				return new Sample(line.substring(0, space), Map.of(), number(value(line.substring(space + 1))));
			}
			Map<String, String> labels = new LinkedHashMap<>();
			int at = brace + 1;
			while (line.charAt(at) != '}') {
				int equals = line.indexOf('=', at);
				String key = line.substring(at, equals).strip();
				StringBuilder value = new StringBuilder();
				at = equals + 2;
				for (char c = line.charAt(at); c != '"'; c = line.charAt(at)) {
					if (c == '\\') {
						at++;
						c = (line.charAt(at) == 'n') ? '\n' : line.charAt(at);
					}
					value.append(c);
					at++;
				}
				labels.put(key, value.toString());
				at++;
				if (line.charAt(at) == ',') {
					at++;
				}
			}
			return new Sample(line.substring(0, brace), labels, number(value(line.substring(at + 1))));
		}

		/** The value, without the optional timestamp after it. */
		private static String value(String rest) {
			String trimmed = rest.strip();
			int space = trimmed.indexOf(' ');
			return (space < 0) ? trimmed : trimmed.substring(0, space);
		}

		static double number(String text) {
			return switch (text) {
				case "+Inf" -> Double.POSITIVE_INFINITY;
				case "-Inf" -> Double.NEGATIVE_INFINITY;
				case "NaN" -> Double.NaN;
				default -> Double.parseDouble(text);
			};
		}

	}

}
