package io.trunkline.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Partner onboarding: {@code bench.total} distinct creates submitted as fast as the API
 * accepts them ({@code bench.concurrency} clients, each sending its next create as soon
 * as the previous one is answered, with {@code Prefer: respond-async} so every answer is
 * a {@code 202}), timed until every one is committed.
 * <p>
 * A watcher polls {@code meta.total} of the trunk list every 200 ms and ends the run when
 * the count has grown by the number accepted; then the newest trunks are read back, and
 * each one's time to commit is its {@code created_at} minus the moment its create was
 * sent. The run ends by itself after {@code bench.duration} whatever happens.
 */
public class PartnerOnboarding extends Simulation {

	private static final Duration POLL = Duration.ofMillis(200);

	private final LoadSettings settings = LoadSettings.fromSystemProperties();

	private final DistinctTrunks trunks = new DistinctTrunks(this.settings.block());

	private final AnswerLog answers = new AnswerLog();

	private final TrunklineApi api = new TrunklineApi(this.settings.baseUrl(), this.settings.apiKey());

	private final AtomicInteger issued = new AtomicInteger();

	private final AtomicInteger answered = new AtomicInteger();

	private final AtomicLong completedAt = new AtomicLong();

	private volatile long committedBefore;

	private volatile long deadline;

	public PartnerOnboarding() {
		ScenarioBuilder submit = scenario("submit")
			.exec(asLongAs((session) -> this.issued.getAndIncrement() < total()).on(exec((session) -> {
				DistinctTrunks.Trunk trunk = this.trunks.next();
				return session.set("number", trunk.number())
					.set("body", trunk.body())
					.set("sentAt", System.currentTimeMillis());
			}).exec(http("submit trunk").post(TrunklineApi.TRUNKS)
				.header("Prefer", "respond-async")
				.body(StringBody((session) -> session.getString("body")))
				.check(status().saveAs("status"), responseTimeInMillis().saveAs("latency"), status().is(202)))
				.exec(this::record)));
		ScenarioBuilder watch = scenario("watch")
			.exec(asLongAs((session) -> this.completedAt.get() == 0 && System.currentTimeMillis() < this.deadline).on(
					pause(POLL)
						.exec(http("count trunks").get(TrunklineApi.TRUNKS + "?page=1&per_page=1")
							.check(jsonPath("$.meta.total").ofLong().saveAs("total")))
						.exec(this::checkCompletion)));
		setUp(submit.injectOpen(atOnceUsers(this.settings.concurrency())), watch.injectOpen(atOnceUsers(1)))
			.protocols(Protocols.trunkline(this.settings))
			.maxDuration(this.settings.duration());
	}

	private int total() {
		return this.settings.total();
	}

	private Session record(Session session) {
		int status = session.contains("status") ? session.getInt("status") : 0;
		long latency = session.contains("latency") ? session.getInt("latency") : -1;
		this.answers.record(session.getString("number"), session.getLong("sentAt"), latency, status);
		this.answered.incrementAndGet();
		return session;
	}

	private Session checkCompletion(Session session) {
		if (this.answered.get() >= total() && session.contains("total")) {
			long expected = this.committedBefore + this.answers.count(202) + this.answers.count(201);
			if (session.getLong("total") >= expected) {
				this.completedAt.compareAndSet(0, System.currentTimeMillis());
			}
		}
		return session;
	}

	@Override
	public void before() {
		this.committedBefore = this.api.count();
		this.deadline = System.currentTimeMillis() + this.settings.duration().toMillis() - 2000;
		Results.markStarted(this.settings);
	}

	@Override
	public void after() {
		long first = this.answers.firstSentAt();
		long lastAnswer = this.answers.lastAnsweredAt();
		int accepted = this.answers.count(202) + this.answers.count(201);
		long provisioned = this.api.count() - this.committedBefore;
		Map<String, Instant> committed = this.api.newestCommitTimes((int) Math.max(provisioned, 0));
		long[] timeToCommit = this.answers.answers()
			.stream()
			.filter((answer) -> committed.containsKey(answer.number()))
			.mapToLong((answer) -> committed.get(answer.number()).toEpochMilli() - answer.sentAt())
			.toArray();
		long lastCommit = this.answers.answers()
			.stream()
			.filter((answer) -> committed.containsKey(answer.number()))
			.mapToLong((answer) -> committed.get(answer.number()).toEpochMilli())
			.max()
			.orElse(System.currentTimeMillis());
		boolean complete = provisioned >= accepted && this.completedAt.get() != 0;
		StepResult.Onboarding onboarding = new StepResult.Onboarding(total(), accepted,
				Results.seconds(first, lastAnswer), provisioned, Results.seconds(first, lastCommit), complete,
				Latencies.of(timeToCommit));
		double seconds = Results.seconds(first, lastAnswer);
		StepResult result = new StepResult(this.settings.step(), this.settings.scenario(), this.settings.series(), 0, 0,
				first, lastAnswer, this.answers.answers().size(), this.answers.statuses(), this.answers.latencies(),
				this.answers.latencies(201), 0, (seconds > 0) ? this.answers.answers().size() / seconds : 0, complete,
				0, onboarding, this.committedBefore);
		Results.write(this.settings, result, this.answers);
		System.out.printf(
				"RESULT %s: %d submitted in %.1f s (%.0f/s), %d of %d committed in %.1f s (%.0f trunks/s), "
						+ "slowest %d ms%s%n",
				result.step(), onboarding.total(), onboarding.submitSeconds(), onboarding.submittedPerSecond(),
				provisioned, accepted, onboarding.provisionedSeconds(), onboarding.provisionedPerSecond(),
				onboarding.timeToCommit().max(), complete ? "" : " (INCOMPLETE)");
	}

}
