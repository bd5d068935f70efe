package io.trunkline.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The largest queues of the pipeline during one step, from bench/run's samples of the
 * services' Prometheus pages every 2 s: which queue holds the backlog tells which stage
 * is the bottleneck.
 *
 * @param samples how many samples
 * @param outboxPending events waiting in the outbox for the relay
 * @param repliesWaiting creates waiting on the gateway for their outcome
 * @param gatewayDbWaiting gateway threads waiting for a database connection
 * @param kafkaLag records waiting in Kafka for the worker's consumers
 * @param workerDbWaiting worker threads waiting for a database connection
 */
record QueueSamples(int samples, long outboxPending, long repliesWaiting, long gatewayDbWaiting, long kafkaLag,
		long workerDbWaiting) {

	static Optional<QueueSamples> of(Path tsv) {
		if (!Files.exists(tsv)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(tsv);
			long[] max = new long[5];
			int samples = 0;
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.split("\t", -1);
				if (fields.length < 6) {
					continue;
				}
				samples++;
				for (int i = 0; i < 5; i++) {
					max[i] = Math.max(max[i], value(fields[i + 1]));
				}
			}
			return (samples == 0) ? Optional.empty()
					: Optional.of(new QueueSamples(samples, max[0], max[1], max[2], max[3], max[4]));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long value(String field) {
		try {
			return Long.parseLong(field.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
