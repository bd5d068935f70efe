package io.trunkline.livekit.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Failures to inject into the stand-in's answers, per Twirp method:
 *
 * <pre class="code">
 * standIn.faults().on("CreateSIPOutboundTrunk").respond(503, "unavailable", "service unavailable").times(3);
 * standIn.faults().on("CreateSIPInboundTrunk").delay(Duration.ofMillis(500)).times(1);
 * standIn.faults().on("CreateSIPOutboundTrunk").dropConnection().times(1);
 * standIn.faults().on("CreateSIPOutboundTrunk").performThenDropResponse().times(1);
 * standIn.faults().on("CreateSIPInboundTrunk").delayAfterPerforming(Duration.ofSeconds(2)).times(1);
 * standIn.faults().clear();
 * </pre>
 *
 * Each rule applies to requests to one method, in the order the rules were added: a
 * request takes the first rule of its method that has hits left, and
 * {@link Rule#times(int)} says how many requests a rule hits (every request until
 * {@link #clear()} without it, so a rule without {@code times} shadows the rules after
 * it). Rules act in front of everything else, authentication included, as a failing proxy
 * or network would. Thread-safe.
 */
public final class Faults {

	private final Map<String, List<Rule>> rulesByMethod = new HashMap<>();

	Faults() {
	}

	/**
	 * Starts a rule for one method.
	 * @param method a Twirp method name of {@code livekit.SIP}, e.g.
	 * {@code CreateSIPInboundTrunk}
	 * @return a choice of faults for that method
	 */
	public Method on(String method) {
		return new Method(Objects.requireNonNull(method, "method"));
	}

	/**
	 * Removes every rule.
	 */
	public synchronized void clear() {
		this.rulesByMethod.clear();
	}

	/**
	 * Takes the fault a request to a method meets, using up one hit of its rule.
	 * @param method the method the request is for
	 * @return the fault, or empty to answer normally
	 */
	synchronized Optional<FaultAction> take(String method) {
		List<Rule> rules = this.rulesByMethod.get(method);
		if (rules == null || rules.isEmpty()) {
			return Optional.empty();
		}
		Rule rule = rules.get(0);
		if (rule.remaining > 0) {
			rule.remaining--;
			if (rule.remaining == 0) {
				rules.remove(0);
			}
		}
		return Optional.of(rule.action);
	}

	private synchronized Rule add(String method, FaultAction action) {
		Rule rule = new Rule(action);
		this.rulesByMethod.computeIfAbsent(method, (key) -> new ArrayList<>()).add(rule);
		return rule;
	}

	private synchronized void limit(Rule rule, int times) {
		rule.remaining = times;
	}

	/**
	 * The faults that can be injected into one method's answers. Each adds a rule that
	 * hits every request until limited with {@link Rule#times(int)}.
	 */
	public final class Method {

		private final String name;

		private Method(String name) {
			this.name = name;
		}

		/**
		 * Answers with a Twirp error ({@code {"code": code, "msg": msg}}) without
		 * performing the request.
		 * @param status the HTTP status, e.g. 503
		 * @param code the Twirp code, e.g. {@code unavailable}
		 * @param msg the message
		 * @return the rule
		 */
		public Rule respond(int status, String code, String msg) {
			return add(this.name, new FaultAction.Respond(new TwirpError(status, code, msg, Map.of())));
		}

		/**
		 * Waits, then answers normally.
		 * @param duration how long to wait
		 * @return the rule
		 */
		public Rule delay(Duration duration) {
			return add(this.name, new FaultAction.Delay(requirePositive(duration)));
		}

		/**
		 * Closes the connection with no response; nothing is performed. A JDK
		 * {@code HttpClient} caller sees an {@code IOException}.
		 * @return the rule
		 */
		public Rule dropConnection() {
			return add(this.name, new FaultAction.DropConnection());
		}

		/**
		 * Performs the request (a create stores its trunk), then closes the connection
		 * with no response: the lost response that makes non-idempotent creates dangerous
		 * to retry.
		 * @return the rule
		 */
		public Rule performThenDropResponse() {
			return add(this.name, new FaultAction.PerformThenDropResponse());
		}

		/**
		 * Performs the request, then waits before answering, so that a client with a
		 * shorter timeout gives up on a request that succeeded.
		 * @param duration how long to wait
		 * @return the rule
		 */
		public Rule delayAfterPerforming(Duration duration) {
			return add(this.name, new FaultAction.DelayAfterPerforming(requirePositive(duration)));
		}

		private static Duration requirePositive(Duration duration) {
			Objects.requireNonNull(duration, "duration");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("A delay must be positive, not " + duration);
			}
			return duration;
		}

	}

	/**
	 * One injected fault for one method.
	 */
	public final class Rule {

		private final FaultAction action;

		/**
		 * Requests left to hit; negative for every request.
		 */
		private int remaining = -1;

		private Rule(FaultAction action) {
			this.action = action;
		}

		/**
		 * Limits the rule to the next {@code times} requests to its method; after them it
		 * is gone and the next rule, if any, applies.
		 * @param times how many requests to hit, at least 1
		 * @return this rule
		 */
		public Rule times(int times) {
			if (times < 1) {
				throw new IllegalArgumentException("A fault must hit at least one request, not " + times);
			}
			limit(this, times);
			return this;
		}

	}

}
