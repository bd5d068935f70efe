package io.trunkline.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few reads a benchmark makes outside the load itself, with the JDK's client: how
 * many trunks the account has ({@code meta.total} of the paginated list, which counts
 * committed trunks) and when the newest ones were committed.
 */
final class TrunklineApi {

	static final String TRUNKS = "/api/user/phone-numbers/sip-trunks";

	private static final ObjectMapper json = new ObjectMapper();

	private final String baseUrl;

	private final String apiKey;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	TrunklineApi(String baseUrl, String apiKey) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
	}

	/**
	 * @return the trunks the account has now
	 */
	long count() {
		return page(1, 1).path("meta").path("total").asLong();
	}

	/**
	 * Waits until the account has at least the given number of trunks.
	 * @param expected the count to reach
	 * @param timeout the longest to wait
	 * @return whether it was reached
	 */
	boolean awaitCount(long expected, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (count() >= expected) {
				return true;
			}
			sleep(Duration.ofMillis(200));
		}
		return count() >= expected;
	}

	/**
	 * @param howMany how many of the newest trunks to read
	 * @return their commit times ({@code created_at}) by phone number
	 */
	Map<String, Instant> newestCommitTimes(int howMany) {
		Map<String, Instant> committed = new HashMap<>();
		int perPage = 500;
		for (int page = 1; committed.size() < howMany; page++) {
			JsonNode data = page(page, perPage).path("data");
			if (data.isEmpty()) {
				break;
			}
			for (JsonNode trunk : data) {
				committed.put(trunk.path("phone_number").asText(), Instant.parse(trunk.path("created_at").asText()));
			}
		}
		return committed;
	}

	private JsonNode page(int page, int perPage) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.baseUrl + TRUNKS + "?page=" + page + "&per_page=" + perPage))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Listing trunks answered " + response.statusCode());
			}
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not list trunks at " + this.baseUrl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
