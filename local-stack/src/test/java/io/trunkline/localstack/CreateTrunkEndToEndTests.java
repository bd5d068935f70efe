package io.trunkline.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thin slice, end to end on real parts: the gateway writes the pending request and
 * its outbox event, the relay publishes it to Kafka, the worker provisions both trunks on
 * the LiveKit stand-in and commits the trunk, and the waiting HTTP request is answered
 * from the outcome.
 */
class CreateTrunkEndToEndTests {

	static final String API_KEY = "tk_test_end_to_end";

	static LocalStack stack;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void startStack() {
		stack = LocalStack.start(LocalStackOptions.forTests(API_KEY, Map.of()));
	}

	@AfterAll
	static void stopStack() {
		stack.close();
	}

	@BeforeEach
	void forgetFaults() {
		stack.standIn().faults().clear();
	}

	@Test
	void createsTheDocumentedExtensionTrunkOnLiveKit() throws Exception {
		String body = """
				{
				  "sip_trunk_type": "extension",
				  "phone_number": "1000",
				  "nickname": "Provider X — Main",
				  "sip_username": "myuser",
				  "sip_password": "s3cret-pass",
				  "sip_address": "sip.provider.com",
				  "sip_calling_format": "+e164",
				  "inbound_authorization_type": "auth",
				  "country_code": "US"
				}
				""";

		HttpResponse<String> response = post(body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode answer = this.json.readTree(response.body());
		assertThat(answer.get("message").asString()).isEqualTo("SIP trunk created successfully.");
		JsonNode trunk = answer.get("data");
		assertThat(trunk.get("id").isIntegralNumber()).isTrue();
		assertThat(trunk.get("phone_number").asString()).isEqualTo("1000");
		assertThat(trunk.get("nickname").asString()).isEqualTo("Provider X — Main");
		assertThat(trunk.get("allowed_inbound_ips").isNull()).isTrue();
		assertThat(trunk.get("outbound_proxy").asBoolean()).isFalse();
		assertThat(trunk.has("sip_password")).isFalse();
		assertThat(trunk.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
		String inboundId = trunk.get("inbound_trunk_id").asString();
		String outboundId = trunk.get("outbound_trunk_id").asString();
		assertThat(inboundId).matches("ST_[23456789A-HJ-NP-Za-km-z]{12}");
		assertThat(outboundId).matches("ST_[23456789A-HJ-NP-Za-km-z]{12}");
		SIPInboundTrunkInfo inbound = stack.standIn()
			.inboundTrunks()
			.stream()
			.filter((t) -> t.getSipTrunkId().equals(inboundId))
			.findFirst()
			.orElseThrow();
		assertThat(inbound.getNumbersList()).containsExactly("1000");
		assertThat(inbound.getAuthUsername()).isEqualTo("myuser");
		assertThat(inbound.getAuthPassword()).isEqualTo("s3cret-pass");
		assertThat(inbound.getName()).isEqualTo("Provider X — Main");
		SIPOutboundTrunkInfo outbound = stack.standIn()
			.outboundTrunks()
			.stream()
			.filter((t) -> t.getSipTrunkId().equals(outboundId))
			.findFirst()
			.orElseThrow();
		assertThat(outbound.getAddress()).isEqualTo("sip.provider.com");
		assertThat(outbound.getNumbersList()).containsExactly("1000");
		assertThat(outbound.getDestinationCountry()).isEqualTo("US");
	}

	private HttpResponse<String> post(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/user/phone-numbers/sip-trunks"))
			.header("Authorization", "Bearer " + API_KEY)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
