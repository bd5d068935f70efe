package io.trunkline.bench.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The HTTP protocol of every simulation: the API on this machine, JSON, the bearer key.
 * Gatling's warm-up request to its own web site is off: a benchmark sends traffic to
 * 127.0.0.1 only. Each virtual user has its own connection, as independent clients do.
 */
final class Protocols {

	private Protocols() {
	}

	static HttpProtocolBuilder trunkline(LoadSettings settings) {
		return http.baseUrl(settings.baseUrl())
			.disableWarmUp()
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.authorizationHeader("Bearer " + settings.apiKey())
			.userAgentHeader("trunkline-bench");
	}

}
