package io.trunkline.bench.report;

/**
 * Names the part of the local stack a thread belongs to, from its name.
 */
final class ThreadGroups {

	private ThreadGroups() {
	}

	static String of(String thread) {
		if (thread == null) {
			return "other";
		}
		if (thread.startsWith("http-nio-")) {
			return "gateway: Tomcat request threads";
		}
		if (thread.equals("outbox-relay")) {
			return "gateway: outbox relay";
		}
		if (thread.startsWith("outcome-consumer")) {
			return "gateway: outcome consumer";
		}
		if (thread.startsWith("provisioning-")) {
			return "worker: consumer threads (provisioning)";
		}
		if (thread.startsWith("kafka-producer-network-thread")) {
			return "Kafka producers' I/O (relay, worker)";
		}
		if (thread.startsWith("HttpClient-")) {
			return "worker: JDK HttpClient to LiveKit";
		}
		if (thread.startsWith("livekit-standin")) {
			return "LiveKit stand-in";
		}
		if (thread.contains("CompilerThread")) {
			return "JIT compiler";
		}
		if (thread.startsWith("JFR") || thread.startsWith("JDK Flight Recorder")) {
			return "flight recorder";
		}
		if (thread.startsWith("HikariPool") || thread.startsWith("housekeeper")) {
			return "Hikari housekeeping";
		}
		if (thread.startsWith("scheduling-") || thread.startsWith("reconciler") || thread.startsWith("stalled")) {
			return "worker: recovery schedules";
		}
		if (thread.startsWith("data-plane-kafka") || thread.startsWith("kafka-") || thread.startsWith("broker-")
				|| thread.contains("raft") || thread.startsWith("quorum") || thread.startsWith("ExpirationReaper")
				|| thread.startsWith("executor-") || thread.contains("coordinator") || thread.startsWith("controller")
				|| thread.startsWith("LogDirFailureHandler") || thread.startsWith("group-")
				|| thread.startsWith("share-") || thread.contains("Kafka")) {
			return "Kafka broker";
		}
		return "other";
	}

}
