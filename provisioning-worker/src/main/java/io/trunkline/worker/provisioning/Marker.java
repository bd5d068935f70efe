package io.trunkline.worker.provisioning;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Trunkline's marker in a LiveKit trunk's {@code metadata}:
 * {@code {"trunkline":"<installation>","request":"<uuid>","account":<id>}}. It lets a
 * retry find a trunk a lost response created, and lets the reconciler tell our trunks,
 * and which request owns them, from anyone else's.
 * <p>
 * The marker is a wire format kept on LiveKit for as long as the trunk lives, so it is
 * written and read with Jackson's default mapper, never with the application's (whose
 * settings may change): the same three properties in the same order, and a marker written
 * by any earlier version reads the same.
 */
public final class Marker {

	private static final JsonMapper json = JsonMapper.shared();

	private static final Set<String> PROPERTIES = Set.of("trunkline", "request", "account");

	private Marker() {
	}

	static String of(String installation, UUID requestId, long accountId) {
		ObjectNode marker = json.createObjectNode();
		marker.put("trunkline", installation);
		marker.put("request", requestId.toString());
		marker.put("account", accountId);
		return json.writeValueAsString(marker);
	}

	/**
	 * @param installation this installation
	 * @param metadata a trunk's metadata
	 * @return the request that owns the trunk, if the metadata is this installation's
	 * marker: an object of exactly the marker's three properties (metadata that says more
	 * is not a marker Trunkline wrote)
	 */
	public static Optional<UUID> requestOf(String installation, String metadata) {
		if (metadata == null || metadata.isBlank()) {
			return Optional.empty();
		}
		JsonNode marker;
		try {
			marker = json.readTree(metadata);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
		if (!marker.isObject() || !PROPERTIES.equals(Set.copyOf(marker.propertyNames()))
				|| !marker.get("trunkline").isString() || !marker.get("trunkline").stringValue().equals(installation)
				|| !marker.get("account").isIntegralNumber()) {
			return Optional.empty();
		}
		return requestId(marker.get("request"));
	}

	private static Optional<UUID> requestId(JsonNode request) {
		if (!request.isString() || request.stringValue().length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(request.stringValue()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
