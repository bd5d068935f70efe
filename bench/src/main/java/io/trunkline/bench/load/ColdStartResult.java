package io.trunkline.bench.load;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The first minutes of a freshly launched stack, as {@link ColdStart} saw them: when it
 * was launched, when its API reported ready, and every one of the sequential creates that
 * followed, in order. Written as {@code cold-start.json} in the run's directory.
 *
 * @param launchedAt epoch milliseconds when bench/run launched the stack's JVM
 * @param apiReadyAt epoch milliseconds when the gateway's readiness probe first answered
 * {@code 200}, 0 if it never did
 * @param creates the creates, in the order sent, each sent once the previous one was
 * answered
 */
public record ColdStartResult(long launchedAt, long apiReadyAt, List<Create> creates) {

	/**
	 * @return milliseconds from the launch to the API's readiness
	 */
	public long launchToReadyMillis() {
		return this.apiReadyAt - this.launchedAt;
	}

	/**
	 * @return milliseconds from the launch to the first {@code 201} answer, empty when
	 * none came
	 */
	public OptionalLong launchToFirstCreatedMillis() {
		return this.creates.stream()
			.filter((create) -> create.status() == 201)
			.mapToLong((create) -> create.sentAt() + create.micros() / 1000 - this.launchedAt)
			.findFirst();
	}

	/**
	 * @param from the first create of the window, counted from 0 (the first create sent)
	 * @param to the last, inclusive
	 * @return the latency of the window's creates, whatever their answer
	 */
	public Window window(int from, int to) {
		List<Create> in = this.creates.subList(Math.min(from, this.creates.size()),
				Math.min(to + 1, this.creates.size()));
		long[] micros = in.stream().mapToLong(Create::micros).sorted().toArray();
		Map<Integer, Integer> others = new TreeMap<>();
		in.stream()
			.filter((create) -> create.status() != 201)
			.forEach((create) -> others.merge(create.status(), 1, Integer::sum));
		if (micros.length == 0) {
			return new Window(from, to, 0, 0, 0, 0, others);
		}
		return new Window(from, to, micros.length, Latencies.rank(micros, 50) / 1000.0,
				Latencies.rank(micros, 90) / 1000.0, micros[micros.length - 1] / 1000.0, others);
	}

	/**
	 * One create.
	 *
	 * @param number its phone number
	 * @param sentAt epoch milliseconds when it was sent
	 * @param micros microseconds until its answer (or until the client gave up)
	 * @param status the answer's HTTP status, 0 without one
	 */
	public record Create(String number, long sentAt, long micros, int status) {
	}

	/**
	 * The latency of a run of consecutive creates, nearest-rank, in milliseconds.
	 *
	 * @param from the first create, counted from 0
	 * @param to the last, inclusive
	 * @param count how many there were
	 * @param p50 the median
	 * @param p90 the 90th percentile
	 * @param max the slowest
	 * @param others answers other than {@code 201}, by status (0: no answer)
	 */
	public record Window(int from, int to, int count, double p50, double p90, double max,
			Map<Integer, Integer> others) {
	}

}
