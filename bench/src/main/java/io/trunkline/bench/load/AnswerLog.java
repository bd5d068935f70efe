package io.trunkline.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every answer of a run: which number, when it was sent and answered, and its status.
 * Gatling's report shows the same requests; this log keeps each one, with its phone
 * number, in the run's raw results.
 */
final class AnswerLog {

	private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

	/**
	 * @param number the trunk's phone number
	 * @param sentAt epoch milliseconds when the request was sent
	 * @param latencyMillis Gatling's response time, or -1 without an answer
	 * @param status the HTTP status, 0 without an answer
	 */
	void record(String number, long sentAt, long latencyMillis, int status) {
		long answeredAt = (latencyMillis >= 0) ? sentAt + latencyMillis : System.currentTimeMillis();
		this.answers.add(new Answer(number, sentAt, answeredAt, status));
	}

	List<Answer> answers() {
		return new ArrayList<>(this.answers);
	}

	Map<Integer, Integer> statuses() {
		Map<Integer, Integer> statuses = new TreeMap<>();
		this.answers.forEach((answer) -> statuses.merge(answer.status(), 1, Integer::sum));
		return statuses;
	}

	int count(int status) {
		return (int) this.answers.stream().filter((answer) -> answer.status() == status).count();
	}

	long firstSentAt() {
		return this.answers.stream().mapToLong(Answer::sentAt).min().orElse(0);
	}

	long lastAnsweredAt() {
		return this.answers.stream().mapToLong(Answer::answeredAt).max().orElse(0);
	}

	Latencies latencies() {
		return Latencies.of(this.answers.stream().mapToLong(Answer::latency).toArray());
	}

	Latencies latencies(int status) {
		return Latencies.of(this.answers.stream()
			.filter((answer) -> answer.status() == status)
			.mapToLong(Answer::latency)
			.toArray());
	}

	void writeCsv(Path file) {
		try (Writer out = Files.newBufferedWriter(file)) {
			out.write("number,sent_at,answered_at,status\n");
			for (Answer answer : this.answers) {
				out.write(answer.number() + "," + answer.sentAt() + "," + answer.answeredAt() + "," + answer.status()
						+ "\n");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One answer.
	 *
	 * @param number the trunk's phone number
	 * @param sentAt epoch milliseconds when sent
	 * @param answeredAt epoch milliseconds when answered (or given up)
	 * @param status the HTTP status, 0 without an answer
	 */
	record Answer(String number, long sentAt, long answeredAt, int status) {

		long latency() {
			return this.answeredAt - this.sentAt;
		}

	}

}
