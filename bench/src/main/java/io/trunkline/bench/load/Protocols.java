package io.trunkline.bench.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The HTTP protocol of every simulation: the API on this machine, JSON, the bearer key.
 * Gatling's warm-up request to its own web site is off: a benchmark sends traffic to
 * 127.0.0.1 only. The virtual users share one pool of kept-alive connections, as a
 * service calling the API does, with no limit on its size, so that arrivals never wait
 * for a connection (the workload stays open); with {@code BENCH_CONNECTIONS=own} each
 * virtual user opens its own connection instead, as independent clients do.
 */
final class Protocols {

	private static final int UNLIMITED = 100_000;

	private Protocols() {
	}

	static HttpProtocolBuilder trunkline(LoadSettings settings) {
		HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
			.disableWarmUp()
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.authorizationHeader("Bearer " + settings.apiKey())
			.userAgentHeader("trunkline-bench");
		return settings.sharedConnections() ? protocol.shareConnections().maxConnectionsPerHost(UNLIMITED) : protocol;
	}

}
