package io.trunkline.bench.report;

import java.util.List;
import java.util.Map;

/**
 * One stage of a create's path through the stack, and the timer the services keep for it
 * in their metrics, or none. The stages without a timer stay in the list, so that the
 * report says what it cannot measure rather than leaving it out.
 *
 * @param name the stage
 * @param service whose metrics page has its timer
 * @param metric the timer's name on the page, without {@code _count}, {@code _sum} or
 * {@code _bucket}; {@code null} when no timer covers the stage
 * @param labels labels the timer's series must carry (the matching series are added up)
 * @param includes what happens in it
 */
record PipelineStage(String name, Service service, String metric, Map<String, String> labels, String includes) {

	/** The stages in the order a create passes them, then the database pools. */
	static final List<PipelineStage> PATH = List.of(
			timed("create request, server side", Service.GATEWAY, "http_server_requests_seconds",
					Map.of("method", "POST", "uri", "/api/user/phone-numbers/sip-trunks"),
					"Spring MVC receiving the request to its answer: accepting it, then waiting for the outcome "
							+ "(a 202 after the API's wait; with `Prefer: respond-async`, accepting alone)"),
			timed("accepting", Service.GATEWAY, "trunkline_creates_accept_seconds", Map.of(),
					"validation, password encryption, INSERT of the request and its outbox row, commit (the API-key "
							+ "check before it is not included)"),
			timed("command pickup", Service.WORKER, "trunkline_provisioning_pickup_seconds", Map.of(),
					"from the gateway issuing the command (before its commit) to a worker reading it: commit, relay, "
							+ "publish, broker, fetch"),
			timed("outbox row waiting for the relay", Service.GATEWAY, "trunkline_outbox_wait_seconds", Map.of(),
					"the row's transaction to the relay's claim"),
			timed("relay publish", Service.GATEWAY, "spring_kafka_template_seconds", Map.of(),
					"the relay's send until the broker acknowledged it (acks=all)"),
			timed("worker: one poll's records", Service.WORKER, "spring_kafka_listener_seconds", Map.of(),
					"a consumer thread's listener call for one poll, every record of it provisioned together"),
			timed("worker: records per poll", Service.WORKER, "trunkline_provisioning_batch", Map.of(),
					"records handed to one listener call (a count, not a time)"),
			timed("worker: claiming a poll's requests", Service.WORKER, "trunkline_provisioning_claim_seconds",
					Map.of(), "the claim UPDATE of one poll's requests and its commit"),
			timed("provisioning", Service.WORKER, "trunkline_provisioning_duration_seconds",
					Map.of("result", "provisioned"),
					"claim to the outcome's commit: decrypt, map, token, both LiveKit creates (concurrent), INSERT "
							+ "of the trunk and UPDATE of the request"),
			timed("LiveKit CreateSIPInboundTrunk", Service.WORKER, "trunkline_livekit_call_duration_seconds",
					Map.of("method", "CreateSIPInboundTrunk"), "one Twirp call, as the worker's client sees it"),
			timed("LiveKit CreateSIPOutboundTrunk", Service.WORKER, "trunkline_livekit_call_duration_seconds",
					Map.of("method", "CreateSIPOutboundTrunk"), "one Twirp call, concurrent with the inbound one"),
			timed("outcome publish", Service.WORKER, "spring_kafka_template_seconds", Map.of(),
					"the worker's send of the outcome until acknowledged"),
			timed("outcome delivery", Service.GATEWAY, "trunkline_replies_delivery_seconds", Map.of(),
					"from the worker's commit of the outcome to the waiting request receiving it: publish, broker, "
							+ "the gateway's outcome consumer"),
			untimed("answer written", Service.GATEWAY, "hand-off to a reply writer, JSON, HTTP write"),
			timed("gateway: waiting for a DB connection", Service.GATEWAY, "hikaricp_connections_acquire_seconds",
					Map.of(), "per borrow, every statement of the gateway"),
			timed("gateway: DB connection held", Service.GATEWAY, "hikaricp_connections_usage_seconds", Map.of(),
					"per borrow"),
			timed("worker: waiting for a DB connection", Service.WORKER, "hikaricp_connections_acquire_seconds",
					Map.of(), "per borrow, every statement of the worker"),
			timed("worker: DB connection held", Service.WORKER, "hikaricp_connections_usage_seconds", Map.of(),
					"per borrow"));

	private static PipelineStage timed(String name, Service service, String metric, Map<String, String> labels,
			String includes) {
		return new PipelineStage(name, service, metric, labels, includes);
	}

	private static PipelineStage untimed(String name, Service service, String includes) {
		return new PipelineStage(name, service, null, Map.of(), includes);
	}

	boolean timed() {
		return this.metric != null;
	}

	/**
	 * @return whether the timer measures time in seconds (else it counts something)
	 */
	boolean inSeconds() {
		return this.metric != null && this.metric.endsWith("_seconds");
	}

	/**
	 * @param gateway the gateway's metrics over a window
	 * @param worker the worker's metrics over the same window
	 * @return the stage's timer over the window, {@code null} when the stage has no timer
	 * or the service has not registered it (Micrometer registers most on first use)
	 */
	ScrapeWindow.Timing timing(ScrapeWindow gateway, ScrapeWindow worker) {
		if (!timed()) {
			return null;
		}
		return ((this.service == Service.GATEWAY) ? gateway : worker).timing(this.metric, this.labels);
	}

	/** The service whose page holds a stage's timer. */
	enum Service {

		GATEWAY, WORKER

	}

}
