package io.trunkline.livekit.standin;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import io.livekit.server.AccessToken;
import io.livekit.server.RoomJoin;
import io.livekit.server.SIPAdmin;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.ListSIPInboundTrunkResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.trunkline.livekit.standin.StandInClient.API_KEY;
import static io.trunkline.livekit.standin.StandInClient.API_SECRET;
import static io.trunkline.livekit.standin.StandInClient.PROTOBUF;
import static io.trunkline.livekit.standin.TrunkRoundTripTests.json;
import static io.trunkline.livekit.standin.TrunkRoundTripTests.twirpError;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTests {

	private static final byte[] LIST_ALL = ListSIPInboundTrunkRequest.getDefaultInstance().toByteArray();

	private static LiveKitStandIn standIn;

	private static StandInClient client;

	@BeforeAll
	static void start() {
		standIn = StandInClient.startStandIn();
		client = new StandInClient(standIn);
	}

	@AfterAll
	static void stop() {
		standIn.close();
	}

	@Test
	void acceptsATokenMintedByLiveKitsSdkWithTheSipAdminGrant() throws IOException {
		String token = StandInClient.adminToken();

		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, token, null);

		assertThat(payload(token)).contains("\"sip\":{\"admin\":true}").contains("\"iss\":\"" + API_KEY + "\"");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(StandInClient.parse(response, ListSIPInboundTrunkResponse.getDefaultInstance()).getItemsList())
			.isEmpty();
	}

	@Test
	void refusesABadSignatureWithPlainText() throws IOException {
		AccessToken forged = new AccessToken(API_KEY, "not-the-secret-not-the-secret-not-the-secret");
		forged.addSIPGrants(new SIPAdmin(true));

		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, forged.toJwt(), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
		assertThat(StandInClient.text(response)).startsWith("invalid token: ")
			.endsWith("error: go-jose/go-jose: error in cryptographic primitive");
	}

	@Test
	void refusesAnExpiredToken() throws IOException {
		AccessToken expired = new AccessToken(API_KEY, API_SECRET);
		expired.addSIPGrants(new SIPAdmin(true));
		expired.setExpiration(Date.from(Instant.now().minusSeconds(3600)));

		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, expired.toJwt(), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(StandInClient.text(response)).endsWith("token is expired (exp)");
	}

	@Test
	void acceptsATokenExpiredWithinTheLeeway() throws IOException {
		AccessToken justExpired = new AccessToken(API_KEY, API_SECRET);
		justExpired.addSIPGrants(new SIPAdmin(true));
		justExpired.setExpiration(Date.from(Instant.now().minusSeconds(20)));

		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, justExpired.toJwt(),
				null);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesATokenNotValidYet() throws IOException {
		AccessToken early = new AccessToken(API_KEY, API_SECRET);
		early.addSIPGrants(new SIPAdmin(true));
		early.setNotBefore(Date.from(Instant.now().plusSeconds(3600)));

		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, early.toJwt(), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(StandInClient.text(response)).endsWith("token not valid yet (nbf)");
	}

	@Test
	void refusesATokenForAnotherApiKey() throws IOException {
		AccessToken other = new AccessToken("APIsomeoneelse", API_SECRET);
		other.addSIPGrants(new SIPAdmin(true));

		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, other.toJwt(), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(StandInClient.text(response)).isEqualTo("invalid API key: APIsomeoneelse");
	}

	@Test
	void refusesSomethingThatIsNotAToken() throws IOException {
		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, "not.a.jwt", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(StandInClient.text(response)).isEqualTo("invalid authorization token");
	}

	@Test
	void refusesAnAuthorizationHeaderThatIsNotBearer() throws IOException {
		HttpResponse<byte[]> response = client.send(client.request("/twirp/livekit.SIP/ListSIPInboundTrunk")
			.header("Content-Type", PROTOBUF)
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes()))
			.POST(BodyPublishers.ofByteArray(LIST_ALL))
			.build());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(StandInClient.text(response)).isEqualTo("invalid authorization header. Must start with Bearer ");
	}

	@Test
	void answersUnauthenticatedJsonToATokenWithoutTheSipGrant() throws IOException {
		AccessToken roomOnly = new AccessToken(API_KEY, API_SECRET);
		roomOnly.setIdentity("agent");
		roomOnly.addGrants(new RoomJoin(true));

		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, roomOnly.toJwt(), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(json(response)).isEqualTo(twirpError("unauthenticated", "permissions denied"));
	}

	@Test
	void answersUnauthenticatedJsonToARequestWithoutAToken() throws IOException {
		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", PROTOBUF, LIST_ALL, null, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response)).isEqualTo(twirpError("unauthenticated", "permissions denied"));
	}

	@Test
	void acceptsTheTokenAsAnAccessTokenParameter() throws IOException {
		HttpResponse<byte[]> response = client
			.send(client.request("/twirp/livekit.SIP/ListSIPInboundTrunk?access_token=" + StandInClient.adminToken())
				.header("Content-Type", PROTOBUF)
				.POST(BodyPublishers.ofByteArray(LIST_ALL))
				.build());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static String payload(String jwt) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

}
