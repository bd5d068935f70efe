package io.trunkline.gateway.trunk;

import java.util.List;
import java.util.Map;

import io.trunkline.schema.trunk.CallingFormat;
import io.trunkline.schema.trunk.InboundAuthorization;
import io.trunkline.schema.trunk.TrunkDefinition;
import io.trunkline.schema.trunk.TrunkType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static io.trunkline.gateway.trunk.TrunkBodies.PASSWORD;
import static io.trunkline.gateway.trunk.TrunkBodies.didTrunkWithIpAuth;
import static io.trunkline.gateway.trunk.TrunkBodies.extensionTrunk;
import static io.trunkline.gateway.trunk.TrunkBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * The documented examples and the rules that span fields. Each rule at its boundaries is
 * in {@link CreateTrunkRulesBoundaryTests}.
 */
class CreateTrunkRulesTests {

	private final CreateTrunkRules rules = new CreateTrunkRules(true);

	@Test
	void acceptsDocumentedExtensionTrunkWithPasswordAuth() {
		ObjectNode body = extensionTrunk();

		CreateTrunk command = this.rules.validate(body);

		assertThat(command).isEqualTo(new CreateTrunk(
				new TrunkDefinition(TrunkType.EXTENSION, "1000", "Provider X — Main", "myuser", "sip.provider.com",
						CallingFormat.PLUS_E164, InboundAuthorization.AUTH, null, false, "US"),
				PASSWORD));
	}

	@Test
	void acceptsDocumentedDidTrunkWithIpAuthAndOutboundProxy() {
		ObjectNode body = didTrunkWithIpAuth();

		CreateTrunk command = this.rules.validate(body);

		assertThat(command).isEqualTo(new CreateTrunk(new TrunkDefinition(TrunkType.NUMBER, "+14155551234", null,
				"trunk_user", "sip.provider.com", CallingFormat.E164, InboundAuthorization.IP,
				List.of("203.0.113.10", "198.51.100.20"), true, "US"), PASSWORD));
	}

	@Test
	void reportsDocumentedValidationErrorWordForWord() {
		ObjectNode body = extensionTrunk();
		body.remove("sip_address");
		body.put("sip_calling_format", "international");

		InvalidTrunk invalid = invalid(body);

		assertThat(invalid.errors()).containsExactly(entry("sip_address", List.of("SIP server address is required.")),
				entry("sip_calling_format", List.of("SIP calling format must be one of: +e164, e164, national.")));
	}

	@Test
	void reportsEveryFailingFieldInDocumentedOrder() {
		ObjectNode body = (ObjectNode) json("""
				{
				  "outbound_proxy": "yes",
				  "country_code": "XX",
				  "allowed_inbound_ips": "everyone",
				  "inbound_authorization_type": "ip",
				  "sip_calling_format": "E164",
				  "sip_address": "sip:pbx.example.com",
				  "sip_password": "x",
				  "sip_username": "x",
				  "nickname": 7,
				  "phone_number": "123",
				  "sip_trunk_type": "did"
				}
				""");

		InvalidTrunk invalid = invalid(body);

		assertThat(invalid.errors()).containsExactly(
				entry("sip_trunk_type", List.of("SIP trunk type must be one of: extension, number.")),
				entry("nickname", List.of("Nickname must be a string.")),
				entry("sip_username", List.of("SIP username must be between 3 and 128 characters.")),
				entry("sip_password", List.of("SIP password must be at least 3 characters.")),
				entry("sip_address",
						List.of("SIP server address must be a host name or IP address without scheme, port or path.")),
				entry("sip_calling_format", List.of("SIP calling format must be one of: +e164, e164, national.")),
				entry("allowed_inbound_ips", List.of("Allowed inbound IPs must be an array.")),
				entry("country_code", List.of("Country code must be a valid ISO 3166-1 alpha-2 code.")),
				entry("outbound_proxy", List.of("Outbound proxy must be true or false.")));
	}

	@Test
	void reportsEveryRequiredFieldOfAnEmptyBody() {
		ObjectNode body = (ObjectNode) json("{}");

		InvalidTrunk invalid = invalid(body);

		assertThat(invalid.errors()).containsExactly(entry("sip_trunk_type", List.of("SIP trunk type is required.")),
				entry("phone_number", List.of("Phone number is required.")),
				entry("sip_username", List.of("SIP username is required.")),
				entry("sip_password", List.of("SIP password is required.")),
				entry("sip_address", List.of("SIP server address is required.")),
				entry("sip_calling_format", List.of("SIP calling format is required.")),
				entry("inbound_authorization_type", List.of("Inbound authorization type is required.")),
				entry("country_code", List.of("Country code is required.")));
	}

	@Test
	void reportsEachBadInboundIpUnderItsOwnIndexBetweenItsNeighbours() {
		ObjectNode body = didTrunkWithIpAuth();
		body.set("allowed_inbound_ips", json("[\"203.0.113.10\", \"999.1.1.1\", 7, \"10.0.0.0/7\"]"));
		body.put("country_code", "XX");

		InvalidTrunk invalid = invalid(body);

		assertThat(invalid.errors()).containsExactly(
				entry("allowed_inbound_ips.1",
						List.of("Allowed inbound IP at index 1 must be a valid IPv4 or IPv6 address or CIDR range.")),
				entry("allowed_inbound_ips.2", List.of("Allowed inbound IP at index 2 must be a string.")),
				entry("allowed_inbound_ips.3",
						List.of("Allowed inbound IP at index 3 is too broad: IPv4 ranges must be /8 or narrower "
								+ "and IPv6 ranges /32 or narrower.")),
				entry("country_code", List.of("Country code must be a valid ISO 3166-1 alpha-2 code.")));
	}

	@Test
	void ignoresAllowedInboundIpsEvenMalformedForPasswordAuth() {
		ObjectNode body = extensionTrunk();
		body.set("allowed_inbound_ips", json("[\"999.1.1.1\", {}, \"0.0.0.0/0\"]"));

		CreateTrunk command = this.rules.validate(body);

		assertThat(command.trunk().allowedInboundIps()).isNull();
	}

	@Test
	void checksAllowedInboundIpsOnlyOnceTheAuthorizationTypeIsIp() {
		ObjectNode body = extensionTrunk();
		body.put("inbound_authorization_type", "certificate");
		body.put("allowed_inbound_ips", "not a list");

		InvalidTrunk invalid = invalid(body);

		assertThat(invalid.errors()).containsOnlyKeys("inbound_authorization_type");
	}

	@Test
	void dropsDuplicateInboundIpsAfterNormalisationKeepingFirstOrder() {
		ObjectNode body = didTrunkWithIpAuth();
		body.set("allowed_inbound_ips",
				json("[\"2001:DB8::1\", \"203.0.113.10\", \"2001:0db8:0:0:0:0:0:1\", \"203.0.113.10\"]"));

		CreateTrunk command = this.rules.validate(body);

		assertThat(command.trunk().allowedInboundIps()).containsExactly("2001:db8::1", "203.0.113.10");
	}

	@Test
	void refusesOutboundProxyWhereTheInstallationHasNone() {
		CreateTrunkRules withoutProxy = new CreateTrunkRules(false);
		ObjectNode body = didTrunkWithIpAuth();

		InvalidTrunk invalid = catchThrowableOfType(InvalidTrunk.class, () -> withoutProxy.validate(body));

		assertThat(invalid.errors())
			.containsExactly(entry("outbound_proxy", List.of("Outbound proxy is not available on this installation.")));
	}

	@Test
	void acceptsOutboundProxyFalseWhereTheInstallationHasNone() {
		CreateTrunkRules withoutProxy = new CreateTrunkRules(false);
		ObjectNode body = didTrunkWithIpAuth();
		body.put("outbound_proxy", false);

		CreateTrunk command = withoutProxy.validate(body);

		assertThat(command.trunk().outboundProxy()).isFalse();
	}

	@Test
	void defaultsOutboundProxyToFalseWhenAbsentOrNull() {
		ObjectNode absent = extensionTrunk();
		ObjectNode nulled = extensionTrunk();
		nulled.putNull("outbound_proxy");

		CreateTrunk fromAbsent = this.rules.validate(absent);
		CreateTrunk fromNull = this.rules.validate(nulled);

		assertThat(fromAbsent.trunk().outboundProxy()).isFalse();
		assertThat(fromNull.trunk().outboundProxy()).isFalse();
	}

	@Test
	void ignoresFieldsTheClientCannotSetAndUnknownFields() {
		ObjectNode body = extensionTrunk();
		body.put("id", 42);
		body.put("created_at", "2026-03-31T10:00:00.000000Z");
		body.put("inbound_trunk_id", "ST_xxxxxxxxxxxx");
		body.put("outbound_trunk_id", "ST_yyyyyyyyyyyy");
		body.set("anything_else", json("{\"nested\": [1, 2]}"));

		CreateTrunk command = this.rules.validate(body);

		assertThat(command).isEqualTo(this.rules.validate(extensionTrunk()));
	}

	@Test
	void checksPhoneNumberOnlyAsRequiredStringWhileTheTrunkTypeIsUnknown() {
		ObjectNode body = extensionTrunk();
		body.put("sip_trunk_type", "pots");
		body.put("phone_number", "not a number @ all");

		InvalidTrunk invalid = invalid(body);

		assertThat(invalid.errors()).containsOnlyKeys("sip_trunk_type");
	}

	@Test
	void detectsTheCountryOfTheNumberOverTheGivenCode() {
		ObjectNode body = didTrunkWithIpAuth();
		body.put("phone_number", "+442071838750");
		body.put("country_code", "US");

		CreateTrunk command = this.rules.validate(body);

		assertThat(command.trunk().countryCode()).isEqualTo("GB");
	}

	@Test
	void placesSharedCallingCodeNumbersByTheirRange() {
		ObjectNode body = didTrunkWithIpAuth();
		body.put("phone_number", "+14165551234");
		body.put("country_code", "US");

		CreateTrunk command = this.rules.validate(body);

		assertThat(command.trunk().countryCode()).isEqualTo("CA");
	}

	@Test
	void keepsTheGivenCountryForNonGeographicNumbers() {
		ObjectNode body = didTrunkWithIpAuth();
		body.put("phone_number", "+80012345678");
		body.put("country_code", "de");

		CreateTrunk command = this.rules.validate(body);

		assertThat(command.trunk().countryCode()).isEqualTo("DE");
	}

	@Test
	void keepsTheGivenCountryForRegionsWithoutAnIsoCode() {
		ObjectNode body = didTrunkWithIpAuth();
		body.put("phone_number", "+38344123456");
		body.put("country_code", "RS");

		CreateTrunk command = this.rules.validate(body);

		assertThat(command.trunk().countryCode()).isEqualTo("RS");
	}

	@Test
	void stillRequiresAValidCountryCodeWhenTheNumberNamesItsCountry() {
		ObjectNode body = didTrunkWithIpAuth();
		body.remove("country_code");

		InvalidTrunk invalid = invalid(body);

		assertThat(invalid.errors()).containsExactly(entry("country_code", List.of("Country code is required.")));
	}

	@Test
	void keepsTheGivenCountryOfAnExtensionTrunk() {
		ObjectNode body = extensionTrunk();
		body.put("country_code", "gb");

		CreateTrunk command = this.rules.validate(body);

		assertThat(command.trunk().countryCode()).isEqualTo("GB");
	}

	@Test
	void trimsTheNicknameAndTreatsABlankOneAsNone() {
		ObjectNode padded = extensionTrunk();
		padded.put("nickname", "  Main line \t");
		ObjectNode blank = extensionTrunk();
		blank.put("nickname", " \n ");

		CreateTrunk fromPadded = this.rules.validate(padded);
		CreateTrunk fromBlank = this.rules.validate(blank);

		assertThat(fromPadded.trunk().nickname()).isEqualTo("Main line");
		assertThat(fromBlank.trunk().nickname()).isNull();
	}

	@Test
	void keepsCredentialsExactlyAsGiven() {
		ObjectNode body = extensionTrunk();
		body.put("sip_username", " user ");
		body.put("sip_password", " pass word ");

		CreateTrunk command = this.rules.validate(body);

		assertThat(command.trunk().sipUsername()).isEqualTo(" user ");
		assertThat(command.sipPassword()).isEqualTo(" pass word ");
	}

	@Test
	void neverQuotesThePasswordBack() {
		String longPassword = "Secret-" + "x".repeat(200);
		ObjectNode tooLong = extensionTrunk();
		tooLong.put("sip_password", longPassword);
		ObjectNode withControl = extensionTrunk();
		withControl.put("sip_password", "Secret\u0000zz");

		InvalidTrunk tooLongInvalid = invalid(tooLong);
		InvalidTrunk withControlInvalid = invalid(withControl);

		assertThat(tooLongInvalid.errors())
			.containsExactly(entry("sip_password", List.of("SIP password may not be greater than 128 characters.")));
		assertThat(withControlInvalid.errors()).containsExactly(
				entry("sip_password", List.of("SIP password must be valid text without control characters.")));
		assertThat(messagesOf(tooLongInvalid)).doesNotContain(longPassword).doesNotContain("Secret");
		assertThat(messagesOf(withControlInvalid)).doesNotContain("Secret");
	}

	@Test
	void suggestsTheNetworkAddressWhenARangeHasHostBitsSet() {
		ObjectNode body = didTrunkWithIpAuth();
		body.set("allowed_inbound_ips", json("[\"10.0.0.1/8\"]"));

		InvalidTrunk invalid = invalid(body);

		assertThat(invalid.errors()).containsExactly(entry("allowed_inbound_ips.0",
				List.of("Allowed inbound IP at index 0 has host bits set for its prefix: use 10.0.0.0/8 for the range "
						+ "or 10.0.0.1 for the single address.")));
	}

	private InvalidTrunk invalid(ObjectNode body) {
		return catchThrowableOfType(InvalidTrunk.class, () -> this.rules.validate(body));
	}

	private static String messagesOf(InvalidTrunk invalid) {
		StringBuilder all = new StringBuilder(invalid.getMessage());
		for (Map.Entry<String, List<String>> field : invalid.errors().entrySet()) {
			all.append(field.getKey()).append(field.getValue());
		}
		return all.toString();
	}

}
