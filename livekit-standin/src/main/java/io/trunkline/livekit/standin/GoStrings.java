package io.trunkline.livekit.standin;

/**
 * Go's formatting where LiveKit's messages use it, so that error texts read exactly as
 * the real server's.
 */
final class GoStrings {

	private GoStrings() {
	}

	/**
	 * Go's {@code %q} of a string ({@code strconv.Quote}), close enough for numbers and
	 * ids: quotes, backslashes and control characters are escaped.
	 */
	static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						quoted.append("\\x%02x".formatted((int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
