package io.trunkline.livekit.standin;

/**
 * JSON string literals written the way LiveKit's Go code writes them: {@code protojson}
 * escapes only what JSON requires, while {@code encoding/json} (which Twirp uses for
 * error bodies) also escapes {@code <}, {@code >}, {@code &}, U+2028 and U+2029.
 */
final class JsonStrings {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private JsonStrings() {
	}

	/**
	 * @param text the text
	 * @return a literal as {@code protojson} writes it
	 */
	static String protojson(String text) {
		return quote(text, false);
	}

	/**
	 * @param text the text
	 * @return a literal as {@code encoding/json} writes it
	 */
	static String encodingJson(String text) {
		return quote(text, true);
	}

	private static String quote(String text, boolean htmlSafe) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				case '\b' -> quoted.append("\\b");
				case '\f' -> quoted.append("\\f");
				default -> {
					boolean escape = c < 0x20
							|| (htmlSafe && (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'));
					if (escape) {
						quoted.append("\\u")
							.append(HEX[(c >> 12) & 0xf])
							.append(HEX[(c >> 8) & 0xf])
							.append(HEX[(c >> 4) & 0xf])
							.append(HEX[c & 0xf]);
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
