package io.trunkline.livekit.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.livekit.server.AccessToken;
import io.livekit.server.SIPAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to a stand-in the way Trunkline's worker will: the JDK {@code HttpClient}, Twirp
 * paths, tokens minted by LiveKit's own SDK.
 */
final class StandInClient {

	static final String API_KEY = "APIstandintests";

	static final String API_SECRET = "a-secret-for-the-stand-in-tests-only-0123456789";

	static final String PROTOBUF = "application/protobuf";

	static final String JSON = "application/json";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String url;

	StandInClient(LiveKitStandIn standIn) {
		this.url = standIn.url();
	}

	static LiveKitStandIn startStandIn() {
		return LiveKitStandIn.start(0, API_KEY, API_SECRET);
	}

	/**
	 * A token with the SIP admin grant, minted exactly as Trunkline mints them.
	 */
	static String adminToken() {
		AccessToken token = new AccessToken(API_KEY, API_SECRET);
		token.addSIPGrants(new SIPAdmin(true));
		return token.toJwt();
	}

	/**
	 * Calls a method with protobuf bodies and an admin token, expecting success.
	 */
	<T extends Message> T call(String method, Message request, T responseType) throws IOException {
		HttpResponse<byte[]> response = send(method, PROTOBUF, request.toByteArray(), adminToken(), null);
		assertThat(response.statusCode()).as("status of %s: %s", method, text(response)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
		@SuppressWarnings("unchecked")
		T parsed = (T) responseType.getParserForType().parseFrom(response.body());
		return parsed;
	}

	HttpResponse<byte[]> postProtobuf(String method, Message request) throws IOException {
		return send(method, PROTOBUF, request.toByteArray(), adminToken(), null);
	}

	HttpResponse<byte[]> postProtobuf(String method, Message request, Duration timeout) throws IOException {
		return send(method, PROTOBUF, request.toByteArray(), adminToken(), timeout);
	}

	HttpResponse<byte[]> postJson(String method, String json) throws IOException {
		return send(method, JSON, json.getBytes(StandardCharsets.UTF_8), adminToken(), null);
	}

	HttpResponse<byte[]> send(String method, String contentType, byte[] body, String token, Duration timeout)
			throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + "/twirp/livekit.SIP/" + method))
			.POST(BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (timeout != null) {
			request.timeout(timeout);
		}
		return send(request.build());
	}

	HttpResponse<byte[]> send(HttpRequest request) throws IOException {
		try {
			return this.http.send(request, BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.url + path));
	}

	HttpClient http() {
		return this.http;
	}

	static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	static <T extends Message> T parse(HttpResponse<byte[]> response, T type) throws InvalidProtocolBufferException {
		@SuppressWarnings("unchecked")
		T parsed = (T) type.getParserForType().parseFrom(response.body());
		return parsed;
	}

}
