package io.trunkline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.trunkline.localstack.StackClient.Answer;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation's examples replayed against the whole system: each answer must equal
 * the documented JSON (copied verbatim from the documentation into
 * {@code src/test/resources/documented/}), ids and timestamps aside, whose formats are
 * checked instead. The 201s go the real path: outbox, Kafka, worker, LiveKit stand-in,
 * reply.
 */
class DocumentedExamplesContractTests {

	static final String API_KEY = "tk_test_contract";

	static final List<String> VARIABLE = List.of("id", "inbound_trunk_id", "outbound_trunk_id", "created_at",
			"updated_at");

	static LocalStack stack;

	static StackClient client;

	@BeforeAll
	static void startStack() {
		stack = LocalStack.start(LocalStackOptions.forTests(API_KEY, Map.of()));
		client = new StackClient(stack, API_KEY);
	}

	@AfterAll
	static void stopStack() {
		stack.close();
	}

	@BeforeEach
	void healthyLiveKit() {
		stack.standIn().faults().clear();
	}

	@Test
	void createsTheDocumentedExtensionTrunk() {
		Answer answer = client.post(extensionWithPasswordAuth("1000"));

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertMatchesDocumented(answer.json(), "201-extension.json");
		JsonNode trunk = answer.json().get("data");
		SIPInboundTrunkInfo inbound = stack.standIn()
			.inboundTrunks()
			.stream()
			.filter((t) -> t.getSipTrunkId().equals(trunk.get("inbound_trunk_id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(inbound.getNumbersList()).containsExactly("1000");
		assertThat(inbound.getName()).isEqualTo("Provider X — Main");
		assertThat(inbound.getAuthUsername()).isEqualTo("myuser");
		assertThat(inbound.getAuthPassword()).isEqualTo("s3cret-pass");
		assertThat(inbound.getAllowedAddressesList()).isEmpty();
		SIPOutboundTrunkInfo outbound = stack.standIn()
			.outboundTrunks()
			.stream()
			.filter((t) -> t.getSipTrunkId().equals(trunk.get("outbound_trunk_id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(outbound.getAddress()).isEqualTo("sip.provider.com");
		assertThat(outbound.getNumbersList()).containsExactly("1000");
		assertThat(outbound.getAuthUsername()).isEqualTo("myuser");
		assertThat(outbound.getAuthPassword()).isEqualTo("s3cret-pass");
		assertThat(outbound.getDestinationCountry()).isEqualTo("US");
		assertThat(outbound.getHeadersMap()).isEmpty();
	}

	@Test
	void createsTheDocumentedDidTrunkWithIpAuth() {
		Answer answer = client.post("""
				{"sip_trunk_type": "number", "phone_number": "+14155551234", "sip_username": "trunk_user",
				 "sip_password": "s3cret-pass", "sip_address": "sip.provider.com", "sip_calling_format": "e164",
				 "inbound_authorization_type": "ip", "allowed_inbound_ips": ["203.0.113.10", "198.51.100.20"],
				 "country_code": "US", "outbound_proxy": true}
				""");

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertMatchesDocumented(answer.json(), "201-did.json");
	}

	@Test
	void refusesTheDocumentedDuplicate() {
		client.post(extensionWithPasswordAuth("1001"));

		Answer answer = client.post(extensionWithPasswordAuth("1001"));

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.json()).isEqualTo(documented("409-duplicate.json"));
	}

	@Test
	void answersTheDocumentedValidationError() {
		Answer answer = client.post("""
				{"sip_trunk_type": "extension", "phone_number": "1002", "sip_username": "myuser",
				 "sip_password": "s3cret-pass", "sip_calling_format": "international",
				 "inbound_authorization_type": "auth", "country_code": "US"}
				""");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json()).isEqualTo(documented("422-validation.json"));
	}

	@Test
	void answersTheDocumentedProvisioningError() {
		stack.standIn().faults().on("CreateSIPInboundTrunk").respond(400, "invalid_argument", "refused").times(1);

		Answer answer = client.post(extensionWithPasswordAuth("1003"));

		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.json()).isEqualTo(documented("500-provisioning.json"));
	}

	static String extensionWithPasswordAuth(String extension) {
		return """
				{"sip_trunk_type": "extension", "phone_number": "%s", "nickname": "Provider X — Main",
				 "sip_username": "myuser", "sip_password": "s3cret-pass", "sip_address": "sip.provider.com",
				 "sip_calling_format": "+e164", "inbound_authorization_type": "auth", "country_code": "US"}
				""".formatted(extension);
	}

	/**
	 * Compares an answer with a documented one: the formats of the variable fields, then
	 * everything else exactly, and the phone number of the documented example.
	 */
	static void assertMatchesDocumented(JsonNode actual, String example) {
		JsonNode expected = documented(example);
		ObjectNode actualTrunk = (ObjectNode) actual.get("data");
		ObjectNode expectedTrunk = (ObjectNode) expected.get("data");
		assertThat(actualTrunk.get("id").isIntegralNumber()).isTrue();
		assertThat(actualTrunk.get("inbound_trunk_id").asString()).matches("ST_[23456789A-HJ-NP-Za-km-z]{12}");
		assertThat(actualTrunk.get("outbound_trunk_id").asString()).matches("ST_[23456789A-HJ-NP-Za-km-z]{12}");
		assertThat(actualTrunk.get("created_at").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
		assertThat(actualTrunk.get("updated_at").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
		assertThat(actualTrunk.propertyNames()).containsExactlyElementsOf(expectedTrunk.propertyNames());
		for (String field : VARIABLE) {
			actualTrunk.remove(field);
			expectedTrunk.remove(field);
		}
		assertThat(actual).isEqualTo(expected);
	}

	static JsonNode documented(String example) {
		try (InputStream in = DocumentedExamplesContractTests.class.getResourceAsStream("/documented/" + example)) {
			return StackClient.json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
