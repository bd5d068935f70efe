package io.trunkline.livekit.standin;

import java.security.SecureRandom;

/**
 * Draws trunk ids the way LiveKit's {@code guid.New("ST_")} does: the prefix and twelve
 * characters of the shortuuid alphabet, so that code which checks or logs ids sees the
 * real shape.
 */
final class TrunkIds {

	static final String PREFIX = "ST_";

	private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

	private static final int LENGTH = 12;

	private final SecureRandom random = new SecureRandom();

	String next() {
		StringBuilder id = new StringBuilder(PREFIX.length() + LENGTH).append(PREFIX);
		for (int i = 0; i < LENGTH; i++) {
			id.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
