package io.trunkline.livekit.standin;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import livekit.LivekitSip.ListSIPDispatchRuleRequest;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.trunkline.livekit.standin.StandInClient.PROTOBUF;
import static io.trunkline.livekit.standin.TrunkRoundTripTests.json;
import static io.trunkline.livekit.standin.TrunkRoundTripTests.twirpError;
import static org.assertj.core.api.Assertions.assertThat;

class TwirpRoutingTests {

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
	void answersBadRouteToAnythingButPost() throws IOException {
		HttpResponse<byte[]> response = client.send(client.request("/twirp/livekit.SIP/ListSIPInboundTrunk")
			.header("Authorization", "Bearer " + StandInClient.adminToken())
			.GET()
			.build());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response)).isEqualTo(badRoute("unsupported method \"GET\" (only POST is allowed)",
				"GET /twirp/livekit.SIP/ListSIPInboundTrunk"));
	}

	@Test
	void answersBadRouteToAnUnknownMethod() throws IOException {
		HttpResponse<byte[]> response = client.postProtobuf("ListSIPTrunks",
				ListSIPInboundTrunkRequest.getDefaultInstance());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response)).isEqualTo(badRoute("no handler for path \"/twirp/livekit.SIP/ListSIPTrunks\"",
				"POST /twirp/livekit.SIP/ListSIPTrunks"));
	}

	@Test
	void answersBadRouteToAnotherService() throws IOException {
		HttpResponse<byte[]> response = client.send(client.request("/twirp/livekit.RoomService/ListRooms")
			.header("Content-Type", PROTOBUF)
			.POST(BodyPublishers.noBody())
			.build());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).getFieldsOrThrow("code").getStringValue()).isEqualTo("bad_route");
	}

	@Test
	void answersBadRouteToAnUnsupportedContentType() throws IOException {
		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", "text/plain", "{}".getBytes(),
				StandInClient.adminToken(), null);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response)).isEqualTo(
				badRoute("unexpected Content-Type: \"text/plain\"", "POST /twirp/livekit.SIP/ListSIPInboundTrunk"));
	}

	@Test
	void acceptsContentTypeParametersAndCase() throws IOException {
		HttpResponse<byte[]> response = client.send("ListSIPInboundTrunk", "Application/JSON; charset=utf-8",
				"{}".getBytes(), StandInClient.adminToken(), null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(StandInClient.text(response)).isEqualTo("{\"items\":[]}");
	}

	@Test
	void answersUnimplementedToSipMethodsItDoesNotServe() throws IOException {
		HttpResponse<byte[]> response = client.postProtobuf("ListSIPDispatchRule",
				ListSIPDispatchRuleRequest.getDefaultInstance());

		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(json(response))
			.isEqualTo(twirpError("unimplemented", "ListSIPDispatchRule is not implemented by the LiveKit stand-in"));
	}

	@Test
	void refusesBodiesOverTenMebibytesInPlainText() throws IOException {
		byte[] huge = new byte[TwirpEndpoint.MAX_BODY_BYTES + 1];

		HttpResponse<byte[]> response = client.send("CreateSIPInboundTrunk", PROTOBUF, huge, StandInClient.adminToken(),
				null);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(StandInClient.text(response)).isEqualTo("request body too large\n");
	}

	@Test
	void answersTheHealthCheckAtTheRoot() throws IOException {
		HttpResponse<byte[]> response = client.send(client.request("/").GET().build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(StandInClient.text(response)).isEqualTo("OK");
	}

	private static Struct badRoute(String msg, String route) {
		return twirpError("bad_route", msg).toBuilder()
			.putFields("meta",
					Value.newBuilder()
						.setStructValue(Struct.newBuilder()
							.putFields("twirp_invalid_route", Value.newBuilder().setStringValue(route).build()))
						.build())
			.build();
	}

}
