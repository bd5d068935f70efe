package io.trunkline.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.trunkline.gateway.account.AccountRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;

/**
 * A real HTTP client for a running gateway, as an API user would call it.
 */
public final class ApiClient {

	public static final String TRUNKS = "/api/user/phone-numbers/sip-trunks";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String apiKey;

	public ApiClient(String baseUrl, String apiKey) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
	}

	/**
	 * @param environment the running gateway's environment
	 * @param apiKey the key to call with, or {@code null} for none
	 * @return a client of that gateway
	 */
	public static ApiClient of(Environment environment, String apiKey) {
		return new ApiClient("http://127.0.0.1:" + environment.getProperty("local.server.port"), apiKey);
	}

	/**
	 * @param environment the running gateway's environment
	 * @param accounts where to open the account
	 * @return a client calling as a freshly opened account, so that tests never see each
	 * other's trunks
	 */
	public static ApiClient forNewAccount(Environment environment, AccountRegistry accounts) {
		return of(environment, accounts.open("account-" + UUID.randomUUID()).token());
	}

	public ApiClient as(String otherApiKey) {
		return new ApiClient(this.baseUrl, otherApiKey);
	}

	public Answer post(String path, String body, String... headers) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	public Answer get(String path) {
		return send(request(path).GET().build());
	}

	public Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "application/json");
		if (this.apiKey != null) {
			builder.header("Authorization", "Bearer " + this.apiKey);
		}
		return builder;
	}

	/**
	 * A response with its body parsed when it is JSON.
	 *
	 * @param response the raw response
	 */
	public record Answer(HttpResponse<String> response) {

		public int status() {
			return this.response.statusCode();
		}

		public String body() {
			return this.response.body();
		}

		public JsonNode json() {
			return json.readTree(this.response.body());
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

}
