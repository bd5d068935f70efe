package io.trunkline.gateway.trunk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.trunkline.schema.trunk.CallingFormat;
import io.trunkline.schema.trunk.InboundAuthorization;
import io.trunkline.schema.trunk.TrunkDefinition;
import io.trunkline.schema.trunk.TrunkType;
import tools.jackson.databind.JsonNode;

/**
 * The field rules of the create endpoint, applied to the parsed JSON body before anything
 * is recorded or provisioned. Works on the JSON tree rather than on a bound object so
 * that it can tell a missing field from {@code null}, a string from a number and
 * {@code true} from {@code "true"}, and report each as the API documents: a Laravel-style
 * map of field to messages, every failing field at once, in the order the fields are
 * documented.
 * <p>
 * Every message is a plain sentence about its field and never quotes the submitted value
 * back, so the password cannot leak through a 422. The rules, their messages and the
 * choices the documentation leaves open are listed in {@code docs/validation.md}.
 */
public class CreateTrunkRules {

	static final int NICKNAME_MAX_LENGTH = 50;

	static final int USERNAME_MIN_LENGTH = 3;

	static final int USERNAME_MAX_LENGTH = 128;

	static final int PASSWORD_MIN_LENGTH = 3;

	/**
	 * The documentation gives no upper bound; 128 matches the username and any real SIP
	 * account.
	 */
	static final int PASSWORD_MAX_LENGTH = 128;

	/**
	 * An allow-list longer than this is a misuse of IP authentication, and bounds the
	 * work one request costs.
	 */
	static final int MAX_ALLOWED_INBOUND_IPS = 100;

	/** For the free-text fields: nickname, username and password. */
	static final String TEXT_RULE = "must be valid text without control characters.";

	private final boolean outboundProxyConfigured;

	/**
	 * @param outboundProxyConfigured whether this installation has a fixed-IP outbound
	 * proxy; without one, a request for {@code outbound_proxy: true} is refused here,
	 * with a 422, before anything is provisioned
	 */
	public CreateTrunkRules(boolean outboundProxyConfigured) {
		this.outboundProxyConfigured = outboundProxyConfigured;
	}

	/**
	 * Validates a parsed JSON body (any JSON value: object, array, string, null...). A
	 * body that is not an object is treated as an object without fields, so every
	 * required field is reported as required. Fields the client may not set ({@code id},
	 * {@code created_at}...) and unknown fields are ignored.
	 * @param body the parsed request body, or {@code null}
	 * @return the normalised command
	 * @throws InvalidTrunk with every failing field, in the documented field order
	 */
	public CreateTrunk validate(JsonNode body) {
		Validation validation = new Validation((body != null && body.isObject()) ? body : null);
		TrunkType type = validation.oneOf("sip_trunk_type", "SIP trunk type", TrunkType.values(), TrunkType::wire);
		String phoneNumber = validation.phoneNumber(type);
		String nickname = validation.nickname();
		String usernameLength = "must be between " + USERNAME_MIN_LENGTH + " and " + USERNAME_MAX_LENGTH
				+ " characters.";
		String sipUsername = validation.text("sip_username", "SIP username", USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH,
				usernameLength, usernameLength);
		String sipPassword = validation.text("sip_password", "SIP password", PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH,
				"must be at least " + PASSWORD_MIN_LENGTH + " characters.",
				"may not be greater than " + PASSWORD_MAX_LENGTH + " characters.");
		String sipAddress = validation.value("sip_address", "SIP server address", (text) -> new SipHost(text).value());
		CallingFormat callingFormat = validation.oneOf("sip_calling_format", "SIP calling format",
				CallingFormat.values(), CallingFormat::wire);
		InboundAuthorization inboundAuthorization = validation.oneOf("inbound_authorization_type",
				"Inbound authorization type", InboundAuthorization.values(), InboundAuthorization::wire);
		List<String> allowedInboundIps = (inboundAuthorization == InboundAuthorization.IP)
				? validation.allowedInboundIps() : null;
		String countryCode = validation.value("country_code", "Country code", (text) -> new CountryCode(text).value());
		boolean outboundProxy = validation.outboundProxy(this.outboundProxyConfigured);
		validation.throwIfInvalid();
		if (type == TrunkType.NUMBER) {
			// "When sip_trunk_type is number, the country is auto-detected from the phone
			// number if possible."
			countryCode = validation.did.country().orElse(countryCode);
		}
		return new CreateTrunk(new TrunkDefinition(type, phoneNumber, nickname, sipUsername, sipAddress, callingFormat,
				inboundAuthorization, allowedInboundIps, outboundProxy, countryCode), sipPassword);
	}

	/**
	 * One run of the rules over one body: reads fields and collects messages in the order
	 * they are checked, which is the documented field order.
	 */
	private static final class Validation {

		private final JsonNode body;

		private final Map<String, List<String>> errors = new LinkedHashMap<>();

		/** The DID of a {@code number} trunk, once it is valid. */
		private PhoneNumberE164 did;

		Validation(JsonNode body) {
			this.body = body;
		}

		/**
		 * The extension or E.164 number; only required and a string while the trunk type
		 * is unknown.
		 */
		String phoneNumber(TrunkType type) {
			if (type == TrunkType.EXTENSION) {
				return value("phone_number", "Extension", "Phone number", (text) -> new PhoneExtension(text).value());
			}
			if (type == TrunkType.NUMBER) {
				return value("phone_number", "Phone number", (text) -> {
					this.did = PhoneNumberE164.of(text);
					return this.did.value();
				});
			}
			return value("phone_number", "Phone number", Function.identity());
		}

		/**
		 * Optional; surrounding whitespace is trimmed and a blank nickname is no
		 * nickname.
		 */
		String nickname() {
			JsonNode node = field("nickname");
			if (isAbsent(node)) {
				return null;
			}
			if (!node.isString()) {
				reject("nickname", "Nickname must be a string.");
				return null;
			}
			String nickname = node.stringValue().strip();
			if (nickname.isEmpty()) {
				return null;
			}
			if (!isCleanText(nickname)) {
				reject("nickname", "Nickname " + TEXT_RULE);
				return null;
			}
			if (codePoints(nickname) > NICKNAME_MAX_LENGTH) {
				reject("nickname", "Nickname may not be greater than " + NICKNAME_MAX_LENGTH + " characters.");
				return null;
			}
			return nickname;
		}

		/**
		 * A required credential, kept exactly as given; its length is counted in Unicode
		 * code points.
		 */
		String text(String field, String subject, int minLength, int maxLength, String tooShort, String tooLong) {
			String text = requiredString(field, subject);
			if (text == null) {
				return null;
			}
			if (!isCleanText(text)) {
				reject(field, subject + " " + TEXT_RULE);
				return null;
			}
			int length = codePoints(text);
			if (length < minLength) {
				reject(field, subject + " " + tooShort);
				return null;
			}
			if (length > maxLength) {
				reject(field, subject + " " + tooLong);
				return null;
			}
			return text;
		}

		<T> T value(String field, String subject, Function<String, T> parse) {
			return value(field, subject, subject, parse);
		}

		/**
		 * A required string turned into a checked value.
		 * @param ruleSubject names the field in the message of a broken value rule
		 * ("Extension")
		 * @param fieldSubject names the field in "is required" and "must be a string"
		 * ("Phone number")
		 */
		<T> T value(String field, String ruleSubject, String fieldSubject, Function<String, T> parse) {
			String text = requiredString(field, fieldSubject);
			if (text == null) {
				return null;
			}
			try {
				return parse.apply(text);
			}
			catch (FieldRejected ex) {
				reject(field, ruleSubject + " " + ex.predicate());
				return null;
			}
		}

		/**
		 * A required string that must be one of the wire values, exactly
		 * (case-sensitive).
		 */
		<E> E oneOf(String field, String subject, E[] values, Function<E, String> wire) {
			String text = requiredString(field, subject);
			if (text == null) {
				return null;
			}
			List<String> choices = new ArrayList<>();
			for (E value : values) {
				if (wire.apply(value).equals(text)) {
					return value;
				}
				choices.add(wire.apply(value));
			}
			reject(field, subject + " must be one of: " + String.join(", ", choices) + ".");
			return null;
		}

		/**
		 * Required for IP authentication: 1 to 100 addresses or ranges, each reported
		 * under its own key ({@code allowed_inbound_ips.1}, zero-based, as Laravel does).
		 * Duplicates, after normalisation, are dropped.
		 */
		List<String> allowedInboundIps() {
			String field = "allowed_inbound_ips";
			JsonNode node = field(field);
			if (isAbsent(node) || (node.isArray() && node.isEmpty())) {
				reject(field, "Allowed inbound IPs are required when inbound authorization type is ip.");
				return null;
			}
			if (!node.isArray()) {
				reject(field, "Allowed inbound IPs must be an array.");
				return null;
			}
			if (node.size() > MAX_ALLOWED_INBOUND_IPS) {
				reject(field, "Allowed inbound IPs may not have more than " + MAX_ALLOWED_INBOUND_IPS + " entries.");
				return null;
			}
			Set<String> ranges = new LinkedHashSet<>();
			boolean valid = true;
			for (int index = 0; index < node.size(); index++) {
				JsonNode entry = node.get(index);
				String key = field + "." + index;
				String subject = "Allowed inbound IP at index " + index;
				if (entry == null || !entry.isString()) {
					reject(key, subject + " must be a string.");
					valid = false;
					continue;
				}
				try {
					ranges.add(new InboundIpRange(entry.stringValue()).value());
				}
				catch (FieldRejected ex) {
					reject(key, subject + " " + ex.predicate());
					valid = false;
				}
			}
			return valid ? List.copyOf(ranges) : null;
		}

		/** Optional, a JSON boolean, {@code false} when absent or {@code null}. */
		boolean outboundProxy(boolean configured) {
			String field = "outbound_proxy";
			JsonNode node = field(field);
			if (isAbsent(node)) {
				return false;
			}
			if (!node.isBoolean()) {
				reject(field, "Outbound proxy must be true or false.");
				return false;
			}
			if (node.booleanValue() && !configured) {
				reject(field, "Outbound proxy is not available on this installation.");
				return false;
			}
			return node.booleanValue();
		}

		void throwIfInvalid() {
			if (!this.errors.isEmpty()) {
				throw new InvalidTrunk(this.errors);
			}
		}

		/**
		 * A missing, {@code null} or blank string is "required"; any other JSON type
		 * "must be a string".
		 */
		private String requiredString(String field, String subject) {
			JsonNode node = field(field);
			if (isAbsent(node) || (node.isString() && node.stringValue().isBlank())) {
				reject(field, subject + " is required.");
				return null;
			}
			if (!node.isString()) {
				reject(field, subject + " must be a string.");
				return null;
			}
			return node.stringValue();
		}

		private JsonNode field(String name) {
			return (this.body != null) ? this.body.get(name) : null;
		}

		private void reject(String key, String message) {
			this.errors.computeIfAbsent(key, (ignored) -> new ArrayList<>()).add(message);
		}

		private static boolean isAbsent(JsonNode node) {
			return node == null || node.isNull() || node.isMissingNode();
		}

	}

	/**
	 * No control characters (they would end up in SIP headers, and PostgreSQL cannot
	 * store NUL) and no unpaired surrogates (a JSON {@code \ud800} escape, which has no
	 * UTF-8 form).
	 */
	private static boolean isCleanText(String text) {
		for (int index = 0; index < text.length(); index++) {
			char character = text.charAt(index);
			if (Character.isISOControl(character)) {
				return false;
			}
			if (Character.isHighSurrogate(character)) {
				if (index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1))) {
					return false;
				}
				index++;
			}
			else if (Character.isLowSurrogate(character)) {
				return false;
			}
		}
		return true;
	}

	private static int codePoints(String text) {
		return text.codePointCount(0, text.length());
	}

}
