package io.trunkline.bench.floor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.livekit.server.AccessToken;
import io.livekit.server.SIPAdmin;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.CreateSIPOutboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;

/**
 * The two LiveKit calls of a create, made as the worker makes them: Twirp over HTTP/1.1
 * with the JDK's client, protobuf bodies from LiveKit's own classes, and a SIP-admin
 * token from LiveKit's {@link AccessToken}, reused until a minute before it expires.
 * Nothing else: no retry, breaker, bulkhead, metrics or lookups.
 */
final class SipTrunkCalls {

	private static final Duration TOKEN_TTL = Duration.ofMinutes(10);

	private final String url;

	private final String apiKey;

	private final String apiSecret;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private String token;

	private Instant renewAt = Instant.MIN;

	SipTrunkCalls(String url, String apiKey, String apiSecret) {
		this.url = url;
		this.apiKey = apiKey;
		this.apiSecret = apiSecret;
	}

	String createInbound(SIPInboundTrunkInfo trunk) {
		return call("CreateSIPInboundTrunk", CreateSIPInboundTrunkRequest.newBuilder().setTrunk(trunk).build(),
				SIPInboundTrunkInfo.parser()::parseFrom)
			.getSipTrunkId();
	}

	String createOutbound(SIPOutboundTrunkInfo trunk) {
		return call("CreateSIPOutboundTrunk", CreateSIPOutboundTrunkRequest.newBuilder().setTrunk(trunk).build(),
				SIPOutboundTrunkInfo.parser()::parseFrom)
			.getSipTrunkId();
	}

	private <T> T call(String method, Message request, Parser<T> parser) {
		HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(this.url + "/twirp/livekit.SIP/" + method))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/protobuf")
			.header("Authorization", "Bearer " + token())
			.POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(method + " answered " + response.statusCode());
			}
			return parser.parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " was interrupted", ex);
		}
	}

	private synchronized String token() {
		Instant now = Instant.now();
		if (this.token == null || !now.isBefore(this.renewAt)) {
			AccessToken accessToken = new AccessToken(this.apiKey, this.apiSecret);
			accessToken.setTtl(TOKEN_TTL.toMillis());
			accessToken.addSIPGrants(new SIPAdmin(true));
			this.token = accessToken.toJwt();
			this.renewAt = now.plus(TOKEN_TTL).minusSeconds(60);
		}
		return this.token;
	}

	@FunctionalInterface
	private interface Parser<T> {

		T parse(byte[] bytes) throws InvalidProtocolBufferException;

	}

}
