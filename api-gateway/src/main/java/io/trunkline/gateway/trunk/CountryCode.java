package io.trunkline.gateway.trunk;

import java.util.Locale;
import java.util.Set;

/**
 * Where a trunk is located, as an ISO 3166-1 alpha-2 code of an officially assigned
 * country. (The API documentation says "ISO 3166-2", but its examples, {@code US},
 * {@code GB}, {@code DE}, are 3166-1 alpha-2 codes; 3166-2 codes name subdivisions, such
 * as {@code US-CA}.) Accepted in any case and kept in upper case, the form every example
 * uses.
 *
 * @param value the upper-case code
 */
record CountryCode(String value) {

	static final String RULE = "must be a valid ISO 3166-1 alpha-2 code.";

	private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

	CountryCode {
		value = normalise(value);
	}

	/**
	 * Whether the text is an assigned code exactly as written (upper case).
	 * @param code the text to check
	 * @return whether it is a code of an officially assigned country
	 */
	static boolean isAssigned(String code) {
		return ASSIGNED.contains(code);
	}

	private static String normalise(String text) {
		if (text == null || text.length() != 2 || !isAsciiLetter(text.charAt(0)) || !isAsciiLetter(text.charAt(1))) {
			throw new FieldRejected(RULE);
		}
		String code = text.toUpperCase(Locale.ROOT);
		if (!isAssigned(code)) {
			throw new FieldRejected(RULE);
		}
		return code;
	}

	private static boolean isAsciiLetter(char character) {
		return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
	}

}
