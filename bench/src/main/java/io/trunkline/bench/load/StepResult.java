package io.trunkline.bench.load;

import java.util.Map;

/**
 * The outcome of one Gatling run, written as {@code <step>.json} beside the run's answers
 * ({@code <step>.answers.csv}).
 *
 * @param step the run's name
 * @param scenario {@code sync}, {@code floor}, {@code saturation} or {@code onboarding}
 * @param series the stand-in's added latency per LiveKit call, in milliseconds
 * @param rate the arrival rate asked for (0 for onboarding: as fast as accepted)
 * @param durationSeconds how long arrivals went on
 * @param startedAt epoch milliseconds of the first arrival
 * @param lastAnswerAt epoch milliseconds of the last answer
 * @param sent requests sent
 * @param statuses answers by HTTP status; 0 counts requests that got no answer
 * @param latency percentiles of every answer, whatever its status
 * @param createdLatency percentiles of the {@code 201} answers alone
 * @param achievedPerSecond {@code 201} answers per second, from the first arrival to the
 * last answer
 * @param answeredPerSecond answers of any status per second over the same time
 * @param drained whether every accepted create was committed before the drain timeout
 * (always true when not waited for)
 * @param drainSeconds how long committing the backlog took after the last answer
 * @param onboarding the onboarding figures, for that scenario only
 * @param trunksBefore trunks the account (and the stand-in) held when the step began, -1
 * when not counted
 */
public record StepResult(String step, String scenario, int series, double rate, long durationSeconds, long startedAt,
		long lastAnswerAt, int sent, Map<Integer, Integer> statuses, Latencies latency, Latencies createdLatency,
		double achievedPerSecond, double answeredPerSecond, boolean drained, double drainSeconds, Onboarding onboarding,
		long trunksBefore) {

	/**
	 * @return answers that were not {@code 201}, by status
	 */
	public Map<Integer, Integer> others() {
		return this.statuses.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() != 201)
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum,
					java.util.TreeMap::new));
	}

	/**
	 * The partner-onboarding figures.
	 *
	 * @param total creates submitted
	 * @param accepted {@code 202} answers
	 * @param submitSeconds from the first submission to the last answer
	 * @param provisioned trunks committed by the end
	 * @param provisionedSeconds from the first submission until every accepted create was
	 * committed (or the timeout)
	 * @param complete whether every accepted create was committed
	 * @param timeToCommit per trunk, from its submission to its commit
	 * ({@code created_at} of the trunk)
	 */
	public record Onboarding(int total, int accepted, double submitSeconds, long provisioned, double provisionedSeconds,
			boolean complete, Latencies timeToCommit) {

		public double submittedPerSecond() {
			return (this.submitSeconds > 0) ? this.total / this.submitSeconds : 0;
		}

		public double provisionedPerSecond() {
			return (this.provisionedSeconds > 0) ? this.provisioned / this.provisionedSeconds : 0;
		}

	}

}
