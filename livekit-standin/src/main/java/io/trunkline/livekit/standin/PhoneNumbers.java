package io.trunkline.livekit.standin;

import java.util.regex.Pattern;

/**
 * LiveKit's phone-number normalisation ({@code livekit.NormalizeNumber} in
 * {@code livekit/protocol}): strip spaces, dashes and parentheses and add a leading
 * {@code +}, but only for strings that look like a number; anything else (a SIP user
 * name, say) is compared as it is.
 */
final class PhoneNumbers {

	private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9\\- ()]+$");

	private static final Pattern FORMATTING = Pattern.compile("[ \\-()]");

	private PhoneNumbers() {
	}

	static String normalize(String number) {
		if (number.isEmpty() || !NUMBER.matcher(number).matches()) {
			return number;
		}
		String digits = FORMATTING.matcher(number).replaceAll("");
		return digits.startsWith("+") ? digits : "+" + digits;
	}

	static boolean same(String one, String other) {
		return one.equals(other) || normalize(one).equals(normalize(other));
	}

}
