package io.trunkline.livekit.standin;

import java.io.IOException;
import java.net.http.HttpResponse;

import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.trunkline.livekit.standin.TrunkRoundTripTests.json;
import static io.trunkline.livekit.standin.TrunkRoundTripTests.twirpError;
import static io.trunkline.livekit.standin.Trunks.carrierTrunk;
import static io.trunkline.livekit.standin.Trunks.create;
import static io.trunkline.livekit.standin.Trunks.didTrunkWithIpAuth;
import static org.assertj.core.api.Assertions.assertThat;

class TrunkValidationTests {

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

	@BeforeEach
	void forgetEverything() {
		standIn.reset();
	}

	@Test
	void refusesABareTrunkAsAMissingTrunk() throws IOException {
		HttpResponse<byte[]> response = client.postJson("CreateSIPInboundTrunk",
				"{\"name\": \"acme\", \"numbers\": [\"+15550100\"]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("invalid_argument", "missing trunk"));
		assertThat(standIn.inboundTrunks()).isEmpty();
	}

	@Test
	void refusesATrunkIdOnCreate() throws IOException {
		HttpResponse<byte[]> response = client.postProtobuf("CreateSIPOutboundTrunk",
				create(carrierTrunk("+15550100").toBuilder().setSipTrunkId("ST_mine").build()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("invalid_argument", "trunk id must not be set"));
	}

	@Test
	void refusesAnInboundTrunkThatWouldAcceptAnyone() throws IOException {
		HttpResponse<byte[]> response = client.postProtobuf("CreateSIPInboundTrunk",
				create(SIPInboundTrunkInfo.newBuilder().setName("open door").build()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("invalid_argument",
				"for security, one of the fields must be set: AuthUsername+AuthPassword, AllowedAddresses or Numbers"));
	}

	@Test
	void refusesASecondInboundTrunkForTheSameNumberWithoutAllowedNumbers() throws IOException {
		SIPInboundTrunkInfo first = client.call("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")),
				SIPInboundTrunkInfo.getDefaultInstance());

		HttpResponse<byte[]> response = client.postProtobuf("CreateSIPInboundTrunk",
				create(didTrunkWithIpAuth("1 555 010-0")));

		assertThat(response.statusCode()).as("a 400, not a 409").isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("invalid_argument",
				"Conflicting inbound SIP Trunks: \"<new>\" and \"" + first.getSipTrunkId()
						+ "\", using the same number(s) [\"1 555 010-0\"] without AllowedNumbers set"));
		assertThat(StandInClient.text(response)).as("escaped as Go's encoding/json does").contains("\\u003cnew\\u003e");
		assertThat(standIn.inboundTrunks()).containsExactly(first);
	}

	@Test
	void allowsTrunksSharingANumberForDifferentCallers() throws IOException {
		SIPInboundTrunkInfo forAlice = didTrunkWithIpAuth("+15550100").toBuilder()
			.addAllowedNumbers("+15557770001")
			.build();
		SIPInboundTrunkInfo forBob = didTrunkWithIpAuth("+15550100").toBuilder()
			.addAllowedNumbers("+15557770002")
			.build();
		client.call("CreateSIPInboundTrunk", create(forAlice), SIPInboundTrunkInfo.getDefaultInstance());
		client.call("CreateSIPInboundTrunk", create(forBob), SIPInboundTrunkInfo.getDefaultInstance());

		HttpResponse<byte[]> againForAlice = client.postProtobuf("CreateSIPInboundTrunk", create(forAlice));

		assertThat(againForAlice.statusCode()).isEqualTo(400);
		assertThat(json(againForAlice).getFieldsOrThrow("msg").getStringValue())
			.endsWith("using the same number(s) [\"+15550100\"] and AllowedNumber \"+15557770001\"");
		assertThat(standIn.inboundTrunks()).hasSize(2);
	}

	@Test
	void refusesASecondInboundTrunkWithoutNumbersForAnyCaller() throws IOException {
		SIPInboundTrunkInfo catchAll = SIPInboundTrunkInfo.newBuilder()
			.setAuthUsername("acme")
			.setAuthPassword("s3cret")
			.build();
		client.call("CreateSIPInboundTrunk", create(catchAll), SIPInboundTrunkInfo.getDefaultInstance());

		HttpResponse<byte[]> response = client.postProtobuf("CreateSIPInboundTrunk", create(catchAll));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).getFieldsOrThrow("msg").getStringValue()).contains("using the same number(s) <any>");
	}

	@Test
	void refusesAnOutboundTrunkWithoutNumbers() throws IOException {
		HttpResponse<byte[]> response = client.postProtobuf("CreateSIPOutboundTrunk",
				create(carrierTrunk("+15550100").toBuilder().clearNumbers().build()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("invalid_argument", "no trunk numbers specified"));
	}

	@Test
	void refusesAnOutboundTrunkWithoutAddress() throws IOException {
		HttpResponse<byte[]> response = client.postProtobuf("CreateSIPOutboundTrunk",
				create(carrierTrunk("+15550100").toBuilder().clearAddress().build()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("invalid_argument", "no outbound address specified"));
	}

	@Test
	void refusesAnOutboundAddressThatIsASipUri() throws IOException {
		SIPOutboundTrunkInfo sipUri = carrierTrunk("+15550100").toBuilder().setAddress("sip:carrier.example").build();
		SIPOutboundTrunkInfo sipsUri = carrierTrunk("+15550100").toBuilder().setAddress("sips:carrier.example").build();

		HttpResponse<byte[]> sip = client.postProtobuf("CreateSIPOutboundTrunk", create(sipUri));
		HttpResponse<byte[]> sips = client.postProtobuf("CreateSIPOutboundTrunk", create(sipsUri));

		assertThat(sip.statusCode()).isEqualTo(400);
		assertThat(sips.statusCode()).isEqualTo(400);
		assertThat(json(sip))
			.isEqualTo(twirpError("invalid_argument", "trunk address should be a hostname or IP, not SIP URI"));
		assertThat(standIn.outboundTrunks()).isEmpty();
	}

	@Test
	void refusesATransportParameterInTheAddress() throws IOException {
		HttpResponse<byte[]> response = client.postProtobuf("CreateSIPOutboundTrunk",
				create(carrierTrunk("+15550100").toBuilder().setAddress("carrier.example;transport=tcp").build()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response))
			.isEqualTo(twirpError("invalid_argument", "trunk address should not contain transport parameter"));
	}

	@Test
	void answersMalformedToJsonThatDoesNotDecode() throws IOException {
		HttpResponse<byte[]> response = client.postJson("CreateSIPInboundTrunk", "{\"trunk\": ");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("malformed", "the json request could not be decoded"));
	}

	@Test
	void answersMalformedToProtobufThatDoesNotDecode() throws IOException {
		HttpResponse<byte[]> response = client.send("CreateSIPInboundTrunk", StandInClient.PROTOBUF,
				new byte[] { 0x0a, 0x7f, 0x01 }, StandInClient.adminToken(), null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("malformed", "the protobuf request could not be decoded"));
	}

	@Test
	void treatsAnEmptyProtobufBodyAsAnEmptyRequest() throws IOException {
		HttpResponse<byte[]> response = client.send("CreateSIPInboundTrunk", StandInClient.PROTOBUF, new byte[0],
				StandInClient.adminToken(), null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("invalid_argument", "missing trunk"));
	}

	@Test
	void refusesARequestWithoutTrunkIdOnGet() throws IOException {
		HttpResponse<byte[]> response = client.postJson("GetSIPOutboundTrunk", "{}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(twirpError("invalid_argument", "trunk ID is required"));
	}

}
