package io.trunkline.livekit.standin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests reached each Twirp method, faulted or not, so tests can tell a retry
 * happened.
 */
final class CallCounts {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	void record(String method) {
		this.counts.computeIfAbsent(method, (key) -> new AtomicInteger()).incrementAndGet();
	}

	int of(String method) {
		AtomicInteger count = this.counts.get(method);
		return (count != null) ? count.get() : 0;
	}

	void clear() {
		this.counts.clear();
	}

}
