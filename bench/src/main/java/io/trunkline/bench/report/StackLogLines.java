package io.trunkline.bench.report;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The local stack's log lines the report reads, in one place: the lines that mark a
 * create's stages (see the README's annotated round trip) and the time each was written.
 */
final class StackLogLines {

	/** The gateway accepted a create: request id, phone number. */
	static final Pattern ACCEPTED = Pattern
		.compile("Accepted create request ([0-9a-f-]{36}) of account \\d+ for (\\S+) at ");

	/** The worker committed a create's trunk: request id. */
	static final Pattern PROVISIONED = Pattern.compile("Provisioned request ([0-9a-f-]{36}) as trunk");

	private StackLogLines() {
	}

	/**
	 * @param line a log line, starting with its ISO-8601 time
	 * @return the line's time in epoch milliseconds, 0 when it has none
	 */
	static long time(String line) {
		int space = line.indexOf(' ');
		try {
			return Instant.parse(line.substring(0, (space > 0) ? space : line.length())).toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			return 0;
		}
	}

}
