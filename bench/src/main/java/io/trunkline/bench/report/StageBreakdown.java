package io.trunkline.bench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trunkline.bench.load.Latencies;

/**
 * Where each create's time goes, from the stack's own log lines (the round trip the
 * README annotates) joined with the client's send and answer times by phone number. Log
 * and client clocks are the same machine's, both in milliseconds.
 *
 * @param joined how many {@code 201} answers had all five log lines
 * @param stages the stages, in order, with their latencies
 * @param worker how the worker's consumer threads spent their time on these creates
 */
record StageBreakdown(int joined, List<Stage> stages, WorkerThreads worker) {

	private static final Pattern CLAIMED = Pattern
		.compile("Provisioning request ([0-9a-f-]{36}) of account \\d+ \\(attempt 1\\)");

	private static final Pattern INBOUND = Pattern.compile("Created inbound trunk \\S+ named 'Trunkline (\\S+)'");

	private static final Pattern OUTBOUND = Pattern.compile("Created outbound trunk \\S+ named 'Trunkline (\\S+)'");

	private static final Pattern THREAD = Pattern.compile(" --- \\[\\s*([^\\]]+)\\] ");

	/**
	 * A consumer thread that waited longer than this between two records was idle, not
	 * busy.
	 */
	private static final long BUSY_GAP_MILLIS = 1000;

	static Optional<StageBreakdown> of(Path stackLog, Path answersCsv) {
		if (!Files.exists(stackLog) || !Files.exists(answersCsv)) {
			return Optional.empty();
		}
		Map<String, Create> creates = new HashMap<>();
		WorkerThreads worker;
		try {
			List<String> answers = Files.readAllLines(answersCsv);
			for (String line : answers.subList(1, answers.size())) {
				String[] fields = line.split(",");
				if (fields.length == 4 && "201".equals(fields[3])) {
					Create create = new Create();
					create.sent = Long.parseLong(fields[1]);
					create.answered = Long.parseLong(fields[2]);
					creates.put(fields[0], create);
				}
			}
			Map<String, Create> byRequest = new HashMap<>();
			Map<String, String> threadOf = new HashMap<>();
			try (BufferedReader log = Files.newBufferedReader(stackLog)) {
				String line;
				while ((line = log.readLine()) != null) {
					read(line, creates, byRequest, threadOf);
				}
			}
			worker = WorkerThreads.of(creates.values(), threadOf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Create> complete = creates.values().stream().filter(Create::complete).toList();
		if (complete.isEmpty()) {
			return Optional.empty();
		}
		List<Stage> stages = new ArrayList<>();
		stages.add(stage(complete, "request sent → accepted",
				"HTTP, API-key check, validation, password encryption, INSERT of the request and the outbox row "
						+ "(logged before the commit)",
				(c) -> c.accepted - c.sent));
		stages.add(stage(complete, "accepted → claimed by the worker",
				"commit, relay wake-up, relay transaction (claim, publish with acks=all, delete, commit), broker, "
						+ "worker's fetch, claim UPDATE and its commit",
				(c) -> c.claimed - c.accepted));
		// Since the worker creates the two trunks concurrently, the stage ends when the
		// later of the two is stored.
		stages.add(stage(complete, "claimed → both trunks stored",
				"decrypt the password, map, token, the inbound and outbound Twirp calls (concurrent) until the "
						+ "stand-in stored both trunks",
				(c) -> Math.max(c.inbound, c.outbound) - c.claimed));
		stages.add(stage(complete, "both stored → trunk committed",
				"the answers back to the worker, INSERT of the trunk and UPDATE of the request in one transaction",
				(c) -> c.provisioned - Math.max(c.inbound, c.outbound)));
		stages.add(stage(complete, "committed → answer received",
				"publish the outcome and wait for acks=all, broker, gateway's outcome fetch, hand-off to a reply "
						+ "writer, JSON, HTTP write",
				(c) -> c.answered - c.provisioned));
		stages.add(stage(complete, "total (client)", "request sent → answer received", (c) -> c.answered - c.sent));
		return Optional.of(new StageBreakdown(complete.size(), stages, worker));
	}

	private static void read(String line, Map<String, Create> creates, Map<String, Create> byRequest,
			Map<String, String> threadOf) {
		Matcher matcher;
		if ((matcher = StackLogLines.ACCEPTED.matcher(line)).find()) {
			Create create = creates.get(matcher.group(2));
			if (create != null) {
				create.accepted = StackLogLines.time(line);
				byRequest.put(matcher.group(1), create);
			}
		}
		else if ((matcher = CLAIMED.matcher(line)).find()) {
			Create create = byRequest.get(matcher.group(1));
			long at = StackLogLines.time(line);
			String thread = thread(line);
			WorkerThreads.claimed(threadOf, thread, at);
			if (create != null) {
				create.claimed = at;
				create.thread = thread;
			}
		}
		else if ((matcher = INBOUND.matcher(line)).find()) {
			Create create = creates.get(matcher.group(1));
			if (create != null) {
				create.inbound = StackLogLines.time(line);
			}
		}
		else if ((matcher = OUTBOUND.matcher(line)).find()) {
			Create create = creates.get(matcher.group(1));
			if (create != null) {
				create.outbound = StackLogLines.time(line);
			}
		}
		else if ((matcher = StackLogLines.PROVISIONED.matcher(line)).find()) {
			Create create = byRequest.get(matcher.group(1));
			if (create != null) {
				create.provisioned = StackLogLines.time(line);
			}
		}
	}

	private static String thread(String line) {
		Matcher matcher = THREAD.matcher(line);
		return matcher.find() ? matcher.group(1) : "?";
	}

	private static Stage stage(List<Create> creates, String name, String includes, ToLongFunction<Create> millis) {
		return new Stage(name, includes, Latencies.of(creates.stream().mapToLong(millis).toArray()));
	}

	/**
	 * One stage of a create.
	 *
	 * @param name from which log line to which
	 * @param includes what happens in it
	 * @param latency its duration over the joined creates
	 */
	record Stage(String name, String includes, Latencies latency) {
	}

	/**
	 * The worker's consumer threads, per record of these creates: from the claim to the
	 * commit (the logged stages), and from the commit to the same thread's next claim
	 * (publishing the outcome and waiting for the broker, committing the offset, polling,
	 * reading the next record and claiming it), counted only when the thread went
	 * straight on to another record.
	 *
	 * @param threads consumer threads seen
	 * @param claimToCommit per record
	 * @param commitToNextClaim per record followed at once by another
	 */
	record WorkerThreads(int threads, Latencies claimToCommit, Latencies commitToNextClaim) {

		/**
		 * @return creates per second the consumer threads could sustain at these mean
		 * times
		 */
		double capacityPerSecond() {
			double perRecord = this.claimToCommit.mean() + this.commitToNextClaim.mean();
			return (perRecord > 0) ? this.threads * 1000.0 / perRecord : 0;
		}

		static void claimed(Map<String, String> claims, String thread, long at) {
			claims.merge(thread, Long.toString(at), (before, now) -> before + "," + now);
		}

		static WorkerThreads of(java.util.Collection<Create> creates, Map<String, String> claims) {
			Map<String, long[]> claimTimes = new HashMap<>();
			claims.forEach((thread, times) -> claimTimes.put(thread,
					java.util.Arrays.stream(times.split(",")).mapToLong(Long::parseLong).sorted().toArray()));
			List<Long> work = new ArrayList<>();
			List<Long> between = new ArrayList<>();
			java.util.Set<String> threads = new java.util.HashSet<>();
			for (Create create : creates) {
				if (create.claimed == 0 || create.provisioned == 0 || create.thread == null) {
					continue;
				}
				threads.add(create.thread);
				work.add(create.provisioned - create.claimed);
				long[] times = claimTimes.getOrDefault(create.thread, new long[0]);
				int next = java.util.Arrays.binarySearch(times, create.provisioned);
				next = (next >= 0) ? next : -next - 1;
				if (next < times.length && times[next] - create.provisioned < BUSY_GAP_MILLIS) {
					between.add(times[next] - create.provisioned);
				}
			}
			return new WorkerThreads(threads.size(), Latencies.of(work.stream().mapToLong(Long::longValue).toArray()),
					Latencies.of(between.stream().mapToLong(Long::longValue).toArray()));
		}

	}

	private static final class Create {

		long sent;

		long accepted;

		long claimed;

		long inbound;

		long outbound;

		long provisioned;

		long answered;

		String thread;

		boolean complete() {
			return this.accepted > 0 && this.claimed > 0 && this.inbound > 0 && this.outbound > 0
					&& this.provisioned > 0;
		}

	}

}
