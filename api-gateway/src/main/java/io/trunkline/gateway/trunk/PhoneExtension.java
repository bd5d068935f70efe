package io.trunkline.gateway.trunk;

/**
 * A PBX extension, the {@code phone_number} of an {@code extension} trunk. It becomes the
 * user part of SIP URIs ({@code sip:1000@pbx.example.com}), so it may hold only
 * characters that RFC 3261 allows there unescaped: letters, digits and the marks
 * {@code - _ . ! ~ * ' ( )}, plus {@code +}. That rules out what would split or corrupt
 * the URI ({@code @}, {@code :}, whitespace, {@code ;}, {@code ?}, {@code /}) and
 * {@code #} and {@code %}, which would need escaping. Kept exactly as given: {@code 0100}
 * and {@code 100} are different extensions.
 *
 * @param value the extension
 */
record PhoneExtension(String value) {

	static final int MAX_LENGTH = 15;

	static final String LENGTH_RULE = "must be 1 to " + MAX_LENGTH + " characters without spaces, @ or :.";

	static final String CHARACTER_RULE = "may contain only letters, digits and the symbols + - _ . ! ~ * ' ( ).";

	private static final String MARKS = "+-_.!~*'()";

	PhoneExtension {
		check(value);
	}

	private static void check(String value) {
		if (value == null) {
			throw new FieldRejected(LENGTH_RULE);
		}
		int length = value.codePointCount(0, value.length());
		if (length < 1 || length > MAX_LENGTH
				|| value.chars()
					.anyMatch((character) -> Character.isWhitespace(character) || Character.isSpaceChar(character)
							|| character == '@' || character == ':')) {
			throw new FieldRejected(LENGTH_RULE);
		}
		if (!value.chars().allMatch(PhoneExtension::isAllowed)) {
			throw new FieldRejected(CHARACTER_RULE);
		}
	}

	private static boolean isAllowed(int character) {
		return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
				|| (character >= '0' && character <= '9') || MARKS.indexOf(character) >= 0;
	}

}
