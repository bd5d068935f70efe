package io.trunkline.bench.report;

/**
 * The opening of a new {@code docs/benchmarks.md}: what is measured and how. Written
 * once; runs append their sections after it and never rewrite it.
 */
final class BenchmarksMethod {

	static final String TEXT = """
			# Benchmarks

			How fast Trunkline provisions trunks on one machine, and where the time goes. Every run of `bench/run`
			appends a dated section at the end of this document (tables, plots, profile); older sections stay as they
			were. Benchmarks are not part of CI.

			## Running them

			```bash
			bench/run        # builds the stack and the benchmarks, runs every scenario (about an hour: 56 minutes in the run of 2026-11-26 23:51), appends here
			```

			`bench/` is its own Maven project (parent: the root POM, but not a module of the reactor, so
			`./mvnw verify` never builds it): Gatling simulations in the Java DSL, the floor service, and the generator
			of this document (plots drawn with JFreeChart under `docs/benchmarks/`). The script builds the stack jar
			(`./mvnw -DskipTests install`, which also installs `livekit-standin` and `local-infrastructure` for the
			floor), copies it so that a rebuild in the working tree cannot swap it under a running stack, starts and
			stops every process itself (SIGTERM, by process id), and leaves raw results, logs, flight recordings and
			Gatling's HTML reports under `bench/target/runs/<stamp>/`. All traffic goes to 127.0.0.1, and every step
			is bounded in requests and time.

			Settings, from the environment (defaults in brackets): `BENCH_SCENARIOS` (`sync onboarding saturation
			floor`), `BENCH_RATES` (`10 50 100 200`), `BENCH_LATENCIES` (`0 50`: milliseconds the LiveKit stand-in adds
			to every call), `BENCH_DURATION` (60 s per rate), `BENCH_FLOOR_DURATION` (30 s per rate),
			`BENCH_LEAD_IN` (5 s, see the method), `BENCH_WARMUP_RATE`/`BENCH_WARMUP_DURATION` (50/s for 90 s), `BENCH_WARMUP_ROUND`/`BENCH_WARMUP_JIT_LIMIT`/`BENCH_WARMUP_MAX` (30 s rounds while the JIT works over 0.10 of a core, 180 s in all),
			`BENCH_DRAIN_TIMEOUT` (20 s),
			`BENCH_MAX_TRUNKS` (20000), `BENCH_FLOOR_MAX_TRUNKS` (3000), `BENCH_ONBOARD_TOTAL` (10000), `BENCH_ONBOARD_CONCURRENCY` (32),
			`BENCH_ONBOARD_TIMEOUT` (300 s), `BENCH_SATURATION_RATES` (`100 150 200 250 300 350 400 450 500 600 800 1000`),
			`BENCH_SATURATION_DURATION` (30 s; the `saturation` scenario also searches the floor's own knee),
			`BENCH_SAMPLED_RATE` (100), `BENCH_JFR` (1), `BENCH_CONNECTIONS` (`shared`: the load generator's virtual
			users share kept-alive connections; `own`: each opens its own, as until the sixth session),
			`BENCH_QUIET_LOAD`/`BENCH_QUIET_WAIT` (wait up to 180 s for a load average of 1.0 before starting),
			`BENCH_API_PORT` (18080), `BENCH_FLOOR_PORT` (18090), `BENCH_STACK_HEAP` (1g), `BENCH_STACK_OPTS` (`-XX:+UseParallelGC`,
			the README's launch line), `BENCH_GATLING_HEAP` (1g),
			`BENCH_FLOOR_HEAP` (512m), `BENCH_REPORT` (1: append to this document), `BENCH_DOCS` (`docs`). A short
			trial that leaves this document alone: `BENCH_DURATION=10 BENCH_SCENARIOS=sync BENCH_REPORT=0 bench/run`.

			## Method

			- **One machine.** The local stack runs as it does for a newcomer (`java -XX:+UseParallelGC -Xmx1g -jar
			  local-stack.jar` since the run of 2026-11-26 13:19, plain `java -Xmx1g -jar local-stack.jar` before: the
			  gateway, the worker, an in-process KRaft broker and the LiveKit stand-in in one JVM, PostgreSQL as its own
			  processes), Gatling in a second JVM, the floor in a third. The load generator competes with the system
			  for the same cores, and so does anything else running on the machine: each section records the load
			  average and how busy the whole machine was.
			- **The machine's CPU, calibrated.** Machines of "this kind" are virtual, and they differ from session to
			  session and even within one, as the host's other tenants come and go. Since the third session, bench/run times
			  a fixed integer workload (`io.trunkline.bench.machine.Calibration`) on one thread and on every core, and the
			  cost of a cache miss (dependent random reads over 256 MB), before and after the run; each section prints them.
			  Figures of runs whose calibrations differ do not compare: the third session's machine did the integer rounds
			  at full speed but took 231 ns per random read, and the stack's CPU per create was about three times the second
			  session's.
			- **Open workload.** Gatling's `constantUsersPerSec(rate).during(duration)`: arrivals evenly spaced at the
			  rate whatever the answers do, each arrival a new virtual user that creates one trunk. A slow answer never
			  holds back the next request, so queues show up as latency (a closed loop, as with wrk, would slow down with
			  the system and hide them).
			- **Kept-alive connections** (since the sixth session). The virtual users share one pool of HTTP connections
			  (Gatling's `shareConnections`, with no limit on the pool's size, so an arrival never waits for a connection
			  and the workload stays open), as a service calling the API does. Until then each virtual user opened its own
			  connection for its one request: a TCP handshake and a new Tomcat connection per create, which on two shared
			  cores cost the load generator alone about half a core at 300/s and moved the stack's knee from 400–500/s to
			  beyond 600/s on the sixth session's machine (A/B in that session's section). `BENCH_CONNECTIONS=own` measures
			  the old way; compare runs only with the same setting (each section's settings line names it).
			- **Distinct trunks, both kinds.** Requests alternate between a PBX extension with digest authentication
			  (`b<block><base-36 counter>`, `+e164`, US) and a UK DID with IP authentication (`+44 20 7xxx xxxx`, valid
			  London numbers, `e164`, GB). Every Gatling run has its own block, so no number repeats within a benchmark
			  (LiveKit refuses two inbound trunks with one number).
			- **Latency** is Gatling's response time (milliseconds, its resolution) of every answer, whatever its
			  status: a create answered `202` after the API's 25 s wait counts as 25 s. Percentiles are nearest-rank over
			  the raw answers (Gatling's own report interpolates, so its figures can differ by a millisecond or two).
			  **Achieved throughput** is the number of `201` answers per second from the first request to the last
			  answer. Every answer but `201` is listed by status.
			- **Idle between steps.** A stack is warmed up (not reported) before its first measured step. After each
			  step the run waits, at most `BENCH_DRAIN_TIMEOUT`, until every accepted create is committed (`meta.total`
			  of the trunk list); when the backlog is not committed in time, the stack is restarted and warmed up again
			  before the next step, so a step never inherits the previous one's queue. One stack serves each latency
			  series; partner onboarding and the saturation search each start on a fresh stack of the first series.
			- **A warm JVM.** A freshly started stack on two cores is slow for minutes (the JIT compiles while the load
			  runs): every stack, and every restarted one, is warmed up before it is measured, at 50/s for 90 s since the
			  second session (25/s for 45 s before, which left the compiler busy during the first measured steps: flight
			  recordings showed its threads at 13 % of the machine at 150/s). A first run with a 20 s warm-up measured
			  restarted stacks half cold and was discarded. Since the third session the warm-up goes on, in rounds of 30 s,
			  for as long as the JIT compilers worked more than a tenth of a core during the last round (read from the JVM's
			  own counters, `sun.ci.totalTime`), 180 s in all at most; each section lists how long each stack was warmed up.
			  On that session's machine 60 s at 50/s left the compilers at 0.65 of a core and 14 % of the machine during the
			  measured step (28,000 methods compiled, still 600 more every 20 s).
			- **A lead-in per step.** Gatling starts in a fresh JVM for every step, and its own first second (class
			  loading, compilation) delays sends and answers: at 100/s, 35 of the 43 answers slower than 50 ms came in
			  the first 500 ms of the step. Since the second session each fixed-rate step (scenarios 1, 2 and 4) starts
			  with `BENCH_LEAD_IN` seconds of arrivals at its own rate, running without a gap into the measured ones;
			  the lead-in's answers are not counted (its creates are, when waiting for every create to be committed).
			  Partner onboarding has no lead-in: it is timed from its first submission.
			- **Restarts.** The stack is restarted (and warmed up again) only when a step left a backlog that was not
			  committed in time, or when it holds more than `BENCH_MAX_TRUNKS` trunks; each table shows how many it
			  held when a step began. The floor's stand-in is emptied (no restart needed) above
			  `BENCH_FLOOR_MAX_TRUNKS`. Until commit f6fbca3 the stand-in checked every new inbound trunk against every
			  trunk it held (about 0.8 ms more per inbound create per 1,000 trunks held, under one lock); it now
			  indexes them by number, so the count no longer matters.
			- **The floor** (scenario 2) is the unavoidable work of one create done inline: the floor service answers
			  the same `POST` by making the inbound and the outbound LiveKit create (Twirp with LiveKit's protobuf classes,
			  a SIP-admin `AccessToken`, the JDK's HTTP client, as the worker does) and one committed insert into an
			  embedded PostgreSQL with the stack's settings, through a Hikari pool of the stack's size, then answers 201.
			  It runs in its own JVM (with its own stand-in, given the same latency) and is driven by the same simulation
			  at the same rates. The overhead ratio is pipeline / floor at the same percentile. Unlike the stack, the
			  floor logs nothing per request. With the `saturation` scenario, the floor's own knee is searched the same
			  way as the pipeline's (from the second session on): what this machine carries at best with the load
			  generator on the same cores.
			- **Resources.** During the step at 100 creates/s of each series, bench/run samples `/proc`: CPU
			  (utime+stime of `/proc/<pid>/stat`) of the stack JVM, PostgreSQL, Gatling and the floor over the arrival
			  window, as a share of one core and of the machine, their peak memory (VmHWM), and `/proc/stat` for the
			  whole machine.
			- **Where the time goes.** The stack's log has one line per stage of a create (accepted, claimed, inbound
			  stored, outbound stored, committed; since the second session the two trunks are created concurrently and
			  one stage runs to the later of the two): joined by phone number with the client's times they give a per-stage
			  latency, and each worker thread's own lines give its time per record. Every 2 s of a step, bench/run reads
			  the services' Prometheus pages for the pipeline's queues (outbox, Kafka consumer lag, creates waiting for
			  their outcome, database pool): the queue that grows names the bottleneck. The stacks run with a flight
			  recording (JFR, default settings, about 1 % overhead) that gives the CPU and allocation by thread group and
			  the hottest code of a step.
			""";

	private BenchmarksMethod() {
	}

}
