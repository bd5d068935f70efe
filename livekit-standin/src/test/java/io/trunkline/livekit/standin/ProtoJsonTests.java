package io.trunkline.livekit.standin;

import java.nio.charset.StandardCharsets;

import com.google.protobuf.Timestamp;
import livekit.LivekitModels.Pagination;
import livekit.LivekitSip.CreateSIPInboundTrunkRequest;
import livekit.LivekitSip.ListSIPInboundTrunkRequest;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtoJsonTests {

	@Test
	void writesEveryFieldWithProtoNamesAndNullForUnsetMessages() {
		SIPInboundTrunkInfo trunk = SIPInboundTrunkInfo.newBuilder()
			.setSipTrunkId("ST_abc")
			.addNumbers("+15550100")
			.setCreatedAt(Timestamp.newBuilder().setSeconds(1).setNanos(500_000_000))
			.build();

		String json = ProtoJson.print(trunk);

		assertThat(json)
			.startsWith("{\"sip_trunk_id\":\"ST_abc\",\"name\":\"\",\"metadata\":\"\",\"numbers\":[\"+15550100\"],")
			.contains("\"allowed_addresses\":[]", "\"headers\":{}", "\"krisp_enabled\":false",
					"\"ringing_timeout\":null", "\"created_at\":\"1970-01-01T00:00:01.500Z\"", "\"updated_at\":null",
					"\"media_encryption\":\"SIP_MEDIA_ENCRYPT_DISABLE\"");
	}

	@Test
	void writesInt32AsNumbersAndNestedMessagesCompletely() {
		ListSIPInboundTrunkRequest request = ListSIPInboundTrunkRequest.newBuilder()
			.setPage(Pagination.newBuilder().setLimit(10))
			.build();

		assertThat(ProtoJson.print(request))
			.isEqualTo("{\"page\":{\"after_id\":\"\",\"limit\":10},\"trunk_ids\":[],\"numbers\":[]}");
	}

	@Test
	void sortsMapKeysAndEscapesLikeProtojson() {
		SIPInboundTrunkInfo trunk = SIPInboundTrunkInfo.newBuilder()
			.setName("<acme> & \"co\"\n")
			.putHeaders("X-b", "2")
			.putHeaders("X-a", "1")
			.build();

		String json = ProtoJson.print(trunk);

		assertThat(json).contains("\"name\":\"<acme> & \\\"co\\\"\\n\"", "\"headers\":{\"X-a\":\"1\",\"X-b\":\"2\"}");
	}

	@Test
	void readsWhatItWritesAndCamelCase() throws Exception {
		SIPInboundTrunkInfo trunk = SIPInboundTrunkInfo.newBuilder()
			.setName("acme")
			.addAllowedNumbers("+15557770001")
			.build();

		SIPInboundTrunkInfo read = ProtoJson.parse(ProtoJson.print(trunk), SIPInboundTrunkInfo.newBuilder()).build();
		CreateSIPInboundTrunkRequest camel = ProtoJson
			.parse("{\"trunk\":{\"allowedNumbers\":[\"+1\"],\"whatever\":true}}",
					CreateSIPInboundTrunkRequest.newBuilder())
			.build();

		assertThat(read).isEqualTo(trunk);
		assertThat(camel.getTrunk().getAllowedNumbersList()).containsExactly("+1");
	}

	@Test
	void writesTwirpErrorsAsGoEncodingJsonDoes() {
		Reply reply = TwirpError.badRoute("no handler for path \"/x\"", "POST", "/x").reply();

		assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(
				"{\"code\":\"bad_route\",\"msg\":\"no handler for path \\\"/x\\\"\",\"meta\":{\"twirp_invalid_route\":\"POST /x\"}}");
		assertThat(new String(TwirpError.of(TwirpCode.INVALID_ARGUMENT, "\"<new>\" & co").reply().body(),
				StandardCharsets.UTF_8))
			.isEqualTo("{\"code\":\"invalid_argument\",\"msg\":\"\\\"\\u003cnew\\u003e\\\" \\u0026 co\"}");
	}

}
