package io.trunkline.gateway.trunk.web;

import java.util.UUID;

import io.trunkline.gateway.trunk.TrunkNotFound;

/**
 * Path ids: anything that is not a well-formed id cannot name a trunk of the caller, so
 * it is a 404, not a 400 or 500.
 */
final class TrunkIds {

	private TrunkIds() {
	}

	static long parse(String id) {
		if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
			throw new TrunkNotFound();
		}
		return Long.parseLong(id);
	}

	static UUID parseRequest(String id) {
		try {
			if (id == null || id.length() != 36) {
				throw new TrunkNotFound();
			}
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new TrunkNotFound();
		}
	}

}
