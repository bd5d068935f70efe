package io.trunkline.gateway.trunk.web;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.trunkline.gateway.trunk.ProvisioningRequest;
import io.trunkline.gateway.trunk.SipTrunk;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The API's response bodies, written in one place so every path answers with the
 * documented shapes.
 */
final class Answers {

	static final String CREATED = "SIP trunk created successfully.";

	static final String PROVISIONING_FAILED = "Failed to create SIP trunk. Please try again or contact support.";

	static final String IN_PROGRESS = "SIP trunk provisioning is in progress.";

	static final String REQUESTS_PATH = "/api/user/phone-numbers/sip-trunks/requests/";

	private Answers() {
	}

	static ResponseEntity<Object> created(SipTrunk trunk) {
		return ResponseEntity.status(HttpStatus.CREATED).body(messageAndData(CREATED, TrunkJson.of(trunk)));
	}

	static ResponseEntity<Object> provisioningFailed() {
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("error", PROVISIONING_FAILED));
	}

	static ResponseEntity<Object> accepted(UUID requestId, Duration retryAfter) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(REQUESTS_PATH + requestId))
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
			.body(messageAndData(IN_PROGRESS, pendingData(requestId)));
	}

	static ResponseEntity<Object> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

	/**
	 * The documented success shape, {@code message} first as in the documentation's
	 * examples.
	 */
	private static Map<String, Object> messageAndData(String message, Object data) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("data", data);
		return body;
	}

	static Map<String, Object> pendingData(UUID requestId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("request_id", requestId.toString());
		data.put("status", "pending");
		return data;
	}

	static Map<String, Object> requestData(ProvisioningRequest request, SipTrunk trunk) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("request_id", request.id().toString());
		data.put("status", request.status().column());
		data.put("trunk", (trunk != null) ? TrunkJson.of(trunk) : null);
		data.put("error", switch (request.status()) {
			case FAILED -> PROVISIONING_FAILED;
			case PENDING, PROVISIONED -> null;
		});
		data.put("created_at", TrunkJson.timestamp(request.createdAt()));
		return data;
	}

	static Map<String, Object> list(List<SipTrunk> trunks) {
		return Map.of("data", trunks.stream().map(TrunkJson::of).toList());
	}

}
