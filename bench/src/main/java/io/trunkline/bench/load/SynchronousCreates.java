package io.trunkline.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Synchronous creates at a fixed arrival rate: an open workload, so a slow answer never
 * holds back the next arrival and every queue shows up as latency. Each arrival is a new
 * virtual user with its own connection that creates one distinct trunk and waits for the
 * answer ({@code 201}, or {@code 202} after the API's wait). Any other status is a KO in
 * Gatling's report and is counted by status in the results.
 * <p>
 * Used for scenario 1 (the pipeline), the floor (the same requests against the inline
 * floor service) and each step of the saturation search. After the last answer it waits,
 * bounded, until every accepted create is committed, so the next step starts on an idle
 * system (or bench/run restarts the stack).
 * <p>
 * With a lead-in ({@code bench.leadIn}), arrivals at the step's rate begin that long
 * before the measured ones and go on without a gap into them; their answers are not
 * counted (only their creates, when waiting for every accepted create to be committed).
 */
public class SynchronousCreates extends Simulation {

	private final LoadSettings settings = LoadSettings.fromSystemProperties();

	private final DistinctTrunks trunks = new DistinctTrunks(this.settings.block());

	private final AnswerLog answers = new AnswerLog();

	private final TrunklineApi api = new TrunklineApi(this.settings.baseUrl(), this.settings.apiKey());

	private final AtomicInteger sent = new AtomicInteger();

	private long committedBefore;

	/** When the first arrival was sent, 0 before it. */
	private final AtomicLong firstArrival = new AtomicLong();

	private final AtomicBoolean marked = new AtomicBoolean();

	/** Creates of the lead-in answered 201 or 202. */
	private final AtomicInteger leadInAccepted = new AtomicInteger();

	public SynchronousCreates() {
		ScenarioBuilder creates = scenario("create at " + this.settings.rate() + "/s").exec((session) -> {
			DistinctTrunks.Trunk trunk = this.trunks.next();
			long now = System.currentTimeMillis();
			this.firstArrival.compareAndSet(0, now);
			boolean measured = now >= this.firstArrival.get() + this.settings.leadIn().toMillis();
			if (measured) {
				this.sent.incrementAndGet();
				if (this.marked.compareAndSet(false, true)) {
					Results.markStarted(this.settings);
				}
			}
			return session.set("number", trunk.number())
				.set("measured", measured)
				.set("body", trunk.body())
				.set("sentAt", now);
		})
			.exec(http("create trunk").post(TrunklineApi.TRUNKS)
				.body(StringBody((session) -> session.getString("body")))
				.check(status().saveAs("status"), responseTimeInMillis().saveAs("latency"), status().is(201)))
			.exec(this::record);
		OpenInjectionStep measured = constantUsersPerSec(this.settings.rate()).during(this.settings.duration());
		setUp(creates.injectOpen(this.settings.leadIn().isZero() ? List.of(measured)
				: List.of(constantUsersPerSec(this.settings.rate()).during(this.settings.leadIn()), measured)))
			.protocols(Protocols.trunkline(this.settings))
			.maxDuration(this.settings.duration().plus(this.settings.leadIn()).plus(this.settings.grace()));
	}

	private Session record(Session session) {
		int status = session.contains("status") ? session.getInt("status") : 0;
		if (!session.getBoolean("measured")) {
			if (status == 201 || status == 202) {
				this.leadInAccepted.incrementAndGet();
			}
			return session;
		}
		long latency = session.contains("latency") ? session.getInt("latency") : -1;
		this.answers.record(session.getString("number"), session.getLong("sentAt"), latency, status);
		return session;
	}

	@Override
	public void before() {
		if (waitsForCommits()) {
			this.committedBefore = this.api.count();
		}
	}

	@Override
	public void after() {
		long lastAnswer = this.answers.lastAnsweredAt();
		boolean drained = true;
		double drainSeconds = 0;
		if (waitsForCommits()) {
			long expected = this.committedBefore + this.leadInAccepted.get() + this.answers.count(201)
					+ this.answers.count(202);
			drained = this.api.awaitCount(expected, this.settings.drainTimeout());
			drainSeconds = Results.seconds(lastAnswer, System.currentTimeMillis());
		}
		long first = this.answers.firstSentAt();
		double seconds = Results.seconds(first, lastAnswer);
		int answered = this.answers.answers().size();
		StepResult result = new StepResult(this.settings.step(), this.settings.scenario(), this.settings.series(),
				this.settings.rate(), this.settings.duration().toSeconds(), first, lastAnswer, this.sent.get(),
				this.answers.statuses(), this.answers.latencies(), this.answers.latencies(201),
				(seconds > 0) ? this.answers.count(201) / seconds : 0, (seconds > 0) ? answered / seconds : 0, drained,
				drainSeconds, null, waitsForCommits() ? this.committedBefore : -1);
		Results.write(this.settings, result, this.answers);
		System.out.printf("RESULT %s: %d answers %s, p50 %d ms, p99 %d ms, max %d ms, %.1f created/s%s%n",
				result.step(), answered, result.statuses(), result.latency().p50(), result.latency().p99(),
				result.latency().max(), result.achievedPerSecond(),
				drained ? "" : ", NOT drained after " + this.settings.drainTimeout().toSeconds() + " s");
	}

	private boolean waitsForCommits() {
		return !this.settings.drainTimeout().isZero();
	}

}
