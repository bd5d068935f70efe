package io.trunkline.worker.provisioning;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trunkline's marker in a LiveKit trunk's {@code metadata}:
 * {@code {"trunkline":"<installation>","request":"<uuid>","account":<id>}}. It lets a
 * retry find a trunk a lost response created, and lets the reconciler tell our trunks,
 * and which request owns them, from anyone else's.
 */
public final class Marker {

	private static final Pattern FORMAT = Pattern
		.compile("^\\{\"trunkline\":\"([^\"]*)\",\"request\":\"([0-9a-f-]{36})\",\"account\":(\\d+)}$");

	private Marker() {
	}

	static String of(String installation, UUID requestId, long accountId) {
		return "{\"trunkline\":\"" + installation.replace("\"", "") + "\",\"request\":\"" + requestId
				+ "\",\"account\":" + accountId + "}";
	}

	/**
	 * @param installation this installation
	 * @param metadata a trunk's metadata
	 * @return the request that owns the trunk, if the metadata is this installation's
	 * marker
	 */
	public static Optional<UUID> requestOf(String installation, String metadata) {
		if (metadata == null) {
			return Optional.empty();
		}
		Matcher matcher = FORMAT.matcher(metadata);
		if (!matcher.matches() || !matcher.group(1).equals(installation.replace("\"", ""))) {
			return Optional.empty();
		}
		return Optional.of(UUID.fromString(matcher.group(2)));
	}

}
