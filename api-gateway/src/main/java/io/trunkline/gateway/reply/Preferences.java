package io.trunkline.gateway.reply;

import java.time.Duration;
import java.util.Locale;

/**
 * The client's {@code Prefer} header (RFC 7240): {@code respond-async} asks for the 202
 * at once, {@code wait=N} shortens how long the create waits for its outcome (never
 * lengthens the configured bound).
 *
 * @param respondAsync whether the client wants the asynchronous answer at once
 * @param waitSeconds the wait the client prefers, or -1 when it states none
 */
record Preferences(boolean respondAsync, long waitSeconds) {

	static Preferences parse(String header) {
		boolean async = false;
		long wait = -1;
		if (header != null) {
			for (String preference : header.toLowerCase(Locale.ROOT).split("[,;]")) {
				String token = preference.trim();
				if (token.equals("respond-async")) {
					async = true;
				}
				else if (token.startsWith("wait=")) {
					String value = token.substring(5).trim();
					if (!value.isEmpty() && value.length() < 7 && value.chars().allMatch(Character::isDigit)) {
						wait = Long.parseLong(value);
					}
				}
			}
		}
		// Waiting zero seconds is asking for the asynchronous answer.
		return new Preferences(async || wait == 0, wait);
	}

	Duration wait(Duration configured) {
		if (this.waitSeconds < 0) {
			return configured;
		}
		Duration preferred = Duration.ofSeconds(Math.max(this.waitSeconds, 0));
		return (preferred.compareTo(configured) < 0) ? preferred : configured;
	}

}
