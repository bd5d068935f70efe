package io.trunkline.livekit.standin;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import livekit.LivekitSip.DeleteSIPTrunkRequest;
import livekit.LivekitSip.GetSIPInboundTrunkRequest;
import livekit.LivekitSip.GetSIPInboundTrunkResponse;
import livekit.LivekitSip.GetSIPOutboundTrunkRequest;
import livekit.LivekitSip.GetSIPOutboundTrunkResponse;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.ListSIPInboundTrunkResponse;
import livekit.LivekitSip.ListSIPOutboundTrunkRequest;
import livekit.LivekitSip.ListSIPOutboundTrunkResponse;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPTrunkInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.trunkline.livekit.standin.Trunks.carrierTrunk;
import static io.trunkline.livekit.standin.Trunks.create;
import static io.trunkline.livekit.standin.Trunks.didTrunkWithIpAuth;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("deprecation") // DeleteSIPTrunk answers with the legacy SIPTrunkInfo
class TrunkRoundTripTests {

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
	void createsGetsListsAndDeletesInboundTrunksOverProtobuf() throws IOException {
		SIPInboundTrunkInfo created = client.call("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")),
				SIPInboundTrunkInfo.getDefaultInstance());
		client.call("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550199")),
				SIPInboundTrunkInfo.getDefaultInstance());

		GetSIPInboundTrunkResponse got = client.call("GetSIPInboundTrunk",
				GetSIPInboundTrunkRequest.newBuilder().setSipTrunkId(created.getSipTrunkId()).build(),
				GetSIPInboundTrunkResponse.getDefaultInstance());
		ListSIPInboundTrunkResponse listed = client.call("ListSIPInboundTrunk",
				ListSIPInboundTrunkRequest.newBuilder().addNumbers("+1 (555) 010-0").build(),
				ListSIPInboundTrunkResponse.getDefaultInstance());
		SIPTrunkInfo deleted = client.call("DeleteSIPTrunk",
				DeleteSIPTrunkRequest.newBuilder().setSipTrunkId(created.getSipTrunkId()).build(),
				SIPTrunkInfo.getDefaultInstance());

		assertThat(created.getName()).isEqualTo("acme support line");
		assertThat(created.getNumbersList()).containsExactly("+15550100");
		assertThat(created.hasCreatedAt()).isTrue();
		assertThat(created.getUpdatedAt()).isEqualTo(created.getCreatedAt());
		assertThat(got.getTrunk()).isEqualTo(created);
		assertThat(listed.getItemsList()).containsExactly(created);
		assertThat(deleted).isEqualTo(SIPTrunkInfo.newBuilder().setSipTrunkId(created.getSipTrunkId()).build());
		assertThat(standIn.inboundTrunks()).flatExtracting(SIPInboundTrunkInfo::getNumbersList)
			.containsExactly("+15550199");
	}

	@Test
	void createsGetsListsAndDeletesOutboundTrunksOverProtobuf() throws IOException {
		SIPOutboundTrunkInfo created = client.call("CreateSIPOutboundTrunk", create(carrierTrunk("+15550100")),
				SIPOutboundTrunkInfo.getDefaultInstance());

		GetSIPOutboundTrunkResponse got = client.call("GetSIPOutboundTrunk",
				GetSIPOutboundTrunkRequest.newBuilder().setSipTrunkId(created.getSipTrunkId()).build(),
				GetSIPOutboundTrunkResponse.getDefaultInstance());
		ListSIPOutboundTrunkResponse listed = client.call("ListSIPOutboundTrunk",
				ListSIPOutboundTrunkRequest.newBuilder().addNumbers("+15550100").build(),
				ListSIPOutboundTrunkResponse.getDefaultInstance());
		client.call("DeleteSIPTrunk", DeleteSIPTrunkRequest.newBuilder().setSipTrunkId(created.getSipTrunkId()).build(),
				SIPTrunkInfo.getDefaultInstance());

		assertThat(created.getAuthPassword()).as("echoed like LiveKit does").isEqualTo("s3cret");
		assertThat(got.getTrunk()).isEqualTo(created);
		assertThat(listed.getItemsList()).containsExactly(created);
		assertThat(standIn.outboundTrunks()).isEmpty();
	}

	@Test
	void drawsTrunkIdsOfLiveKitsShape() throws IOException {
		SIPInboundTrunkInfo inbound = client.call("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")),
				SIPInboundTrunkInfo.getDefaultInstance());
		SIPOutboundTrunkInfo outbound = client.call("CreateSIPOutboundTrunk", create(carrierTrunk("+15550100")),
				SIPOutboundTrunkInfo.getDefaultInstance());

		assertThat(List.of(inbound.getSipTrunkId(), outbound.getSipTrunkId()))
			.allMatch((id) -> id.matches("ST_[23456789A-HJ-NP-Za-km-z]{12}"));
		assertThat(inbound.getSipTrunkId()).isNotEqualTo(outbound.getSipTrunkId());
	}

	@Test
	void readsCamelCaseJsonAndWritesSnakeCaseJsonWithEveryField() throws IOException {
		String camelCase = """
				{"trunk": {"name": "acme", "numbers": ["+15550100"], "allowedAddresses": ["203.0.113.7"],
				 "authUsername": "acme", "krispEnabled": true, "someFutureField": {"x": 1}}}""";

		HttpResponse<byte[]> response = client.postJson("CreateSIPInboundTrunk", camelCase);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		Struct json = json(response);
		assertThat(json.getFieldsMap())
			.containsKeys("sip_trunk_id", "allowed_addresses", "auth_username", "krisp_enabled", "created_at",
					"headers_to_attributes", "media_encryption")
			.doesNotContainKeys("sipTrunkId", "allowedAddresses", "someFutureField");
		assertThat(json.getFieldsOrThrow("allowed_addresses").getListValue().getValues(0).getStringValue())
			.isEqualTo("203.0.113.7");
		assertThat(json.getFieldsOrThrow("krisp_enabled").getBoolValue()).isTrue();
		assertThat(json.getFieldsOrThrow("auth_password").getStringValue()).as("default string").isEmpty();
		assertThat(json.getFieldsOrThrow("allowed_numbers").getListValue().getValuesList()).as("default list")
			.isEmpty();
		assertThat(json.getFieldsOrThrow("headers").getStructValue().getFieldsMap()).as("default map").isEmpty();
		assertThat(json.getFieldsOrThrow("ringing_timeout").getKindCase()).as("unset message")
			.isEqualTo(Value.KindCase.NULL_VALUE);
		assertThat(json.getFieldsOrThrow("media_encryption").getStringValue()).as("zero enum")
			.isEqualTo("SIP_MEDIA_ENCRYPT_DISABLE");
		assertThat(standIn.inboundTrunks()).singleElement()
			.satisfies((trunk) -> assertThat(trunk.getSipTrunkId())
				.isEqualTo(json.getFieldsOrThrow("sip_trunk_id").getStringValue()));
	}

	@Test
	void listsInboundTrunksByNormalisedNumberAndOutboundTrunksByTheNumberAsWritten() throws IOException {
		client.call("CreateSIPInboundTrunk", create(didTrunkWithIpAuth("+15550100")),
				SIPInboundTrunkInfo.getDefaultInstance());
		client.call("CreateSIPOutboundTrunk", create(carrierTrunk("+15550100")),
				SIPOutboundTrunkInfo.getDefaultInstance());

		ListSIPInboundTrunkResponse inbound = client.call("ListSIPInboundTrunk",
				ListSIPInboundTrunkRequest.newBuilder().addNumbers("15550100").build(),
				ListSIPInboundTrunkResponse.getDefaultInstance());
		ListSIPOutboundTrunkResponse outbound = client.call("ListSIPOutboundTrunk",
				ListSIPOutboundTrunkRequest.newBuilder().addNumbers("15550100").build(),
				ListSIPOutboundTrunkResponse.getDefaultInstance());

		assertThat(inbound.getItemsList()).hasSize(1);
		assertThat(outbound.getItemsList()).isEmpty();
	}

	@Test
	void listsTrunksSortedByIdAndFilteredByIds() throws IOException {
		List<String> ids = IntStream.range(0, 5)
			.mapToObj((i) -> createOutbound("+1555010" + i).getSipTrunkId())
			.toList();

		ListSIPOutboundTrunkResponse all = client.call("ListSIPOutboundTrunk",
				ListSIPOutboundTrunkRequest.getDefaultInstance(), ListSIPOutboundTrunkResponse.getDefaultInstance());
		ListSIPOutboundTrunkResponse some = client.call("ListSIPOutboundTrunk",
				ListSIPOutboundTrunkRequest.newBuilder().addTrunkIds(ids.get(3)).addTrunkIds(ids.get(1)).build(),
				ListSIPOutboundTrunkResponse.getDefaultInstance());

		assertThat(all.getItemsList()).extracting(SIPOutboundTrunkInfo::getSipTrunkId)
			.containsExactlyElementsOf(ids.stream().sorted().toList());
		assertThat(some.getItemsList()).extracting(SIPOutboundTrunkInfo::getSipTrunkId)
			.containsExactlyElementsOf(Stream.of(ids.get(1), ids.get(3)).sorted().toList());
		assertThat(standIn.outboundTrunks()).extracting(SIPOutboundTrunkInfo::getSipTrunkId)
			.as("snapshot in creation order")
			.containsExactlyElementsOf(ids);
	}

	@Test
	void answersNotFoundForAnUnknownTrunkInJsonEvenToProtobuf() throws IOException {
		HttpResponse<byte[]> response = client.postProtobuf("GetSIPInboundTrunk",
				GetSIPInboundTrunkRequest.newBuilder().setSipTrunkId("ST_unknown").build());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(json(response)).isEqualTo(twirpError("not_found", "requested sip trunk does not exist"));
	}

	@Test
	void getsOnlyTrunksOfTheAskedKind() throws IOException {
		SIPOutboundTrunkInfo outbound = createOutbound("+15550100");

		HttpResponse<byte[]> response = client.postProtobuf("GetSIPInboundTrunk",
				GetSIPInboundTrunkRequest.newBuilder().setSipTrunkId(outbound.getSipTrunkId()).build());

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void deletesAnUnknownTrunkSuccessfullyLikeTheOpenSourceServer() throws IOException {
		SIPTrunkInfo deleted = client.call("DeleteSIPTrunk",
				DeleteSIPTrunkRequest.newBuilder().setSipTrunkId("ST_neverexisted").build(),
				SIPTrunkInfo.getDefaultInstance());

		assertThat(deleted.getSipTrunkId()).isEqualTo("ST_neverexisted");
	}

	@Test
	void keepsConcurrentCreatesApart() {
		List<CompletableFuture<SIPOutboundTrunkInfo>> creates = IntStream.range(0, 24)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> createOutbound("+1555020" + i)))
			.toList();

		List<SIPOutboundTrunkInfo> created = creates.stream().map(CompletableFuture::join).toList();

		assertThat(created).extracting(SIPOutboundTrunkInfo::getSipTrunkId).doesNotHaveDuplicates();
		assertThat(standIn.outboundTrunks()).hasSize(24);
	}

	private static SIPOutboundTrunkInfo createOutbound(String number) {
		try {
			return client.call("CreateSIPOutboundTrunk", create(carrierTrunk(number)),
					SIPOutboundTrunkInfo.getDefaultInstance());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Struct json(HttpResponse<byte[]> response) throws IOException {
		Struct.Builder json = Struct.newBuilder();
		JsonFormat.parser().merge(StandInClient.text(response), json);
		return json.build();
	}

	static Struct twirpError(String code, String msg) {
		return Struct.newBuilder()
			.putFields("code", Value.newBuilder().setStringValue(code).build())
			.putFields("msg", Value.newBuilder().setStringValue(msg).build())
			.build();
	}

}
