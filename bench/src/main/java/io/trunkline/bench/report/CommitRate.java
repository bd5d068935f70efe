package io.trunkline.bench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * How many of a step's creates the stack committed while the step ran (from its first
 * request to its last answer), from the stack's log. Unlike the count of {@code 201}
 * answers, this counts the creates answered {@code 202} after the API's wait and
 * committed later in the step: it is the pipeline's real throughput when it is saturated.
 */
final class CommitRate {

	private CommitRate() {
	}

	/**
	 * @return commits per second of the step's creates between {@code from} and
	 * {@code to} (epoch milliseconds)
	 */
	static Optional<Double> of(Path stackLog, Path answersCsv, long from, long to) {
		if (!Files.exists(stackLog) || !Files.exists(answersCsv) || to <= from) {
			return Optional.empty();
		}
		try {
			Set<String> numbers = new HashSet<>();
			List<String> answers = Files.readAllLines(answersCsv);
			for (String line : answers.subList(1, answers.size())) {
				numbers.add(line.substring(0, line.indexOf(',')));
			}
			Set<String> requests = new HashSet<>();
			long committed = 0;
			try (BufferedReader log = Files.newBufferedReader(stackLog)) {
				String line;
				while ((line = log.readLine()) != null) {
					Matcher matcher = StackLogLines.ACCEPTED.matcher(line);
					if (matcher.find()) {
						if (numbers.contains(matcher.group(2))) {
							requests.add(matcher.group(1));
						}
						continue;
					}
					matcher = StackLogLines.PROVISIONED.matcher(line);
					if (matcher.find() && requests.contains(matcher.group(1))) {
						long at = StackLogLines.time(line);
						if (at >= from && at <= to) {
							committed++;
						}
					}
				}
			}
			return Optional.of(committed * 1000.0 / (to - from));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
