package io.trunkline.gateway.trunk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.trunkline.gateway.account.web.RequiresAdminToken;
import io.trunkline.gateway.trunk.FailedRequest;
import io.trunkline.gateway.trunk.ProvisioningRequests;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators find failed creates and provision them again (only with the admin token
 * configured and presented). A replay keeps the request's id, so the client's status
 * resource shows the new outcome.
 */
@RestController
@RequiresAdminToken
@RequestMapping("/admin/requests")
class ReplayAdminController {

	private final ProvisioningRequests requests;

	private final JsonMapper json;

	ReplayAdminController(ProvisioningRequests requests, JsonMapper json) {
		this.requests = requests;
		this.json = json;
	}

	@GetMapping("/failed")
	Map<String, Object> failed(@RequestParam(name = "limit", defaultValue = "100") String limit) {
		int bounded = limit.matches("\\d{1,4}") ? Math.max(1, Math.min(1000, Integer.parseInt(limit))) : 100;
		List<Map<String, Object>> data = this.requests.failed(bounded).stream().map(this::failure).toList();
		return Map.of("data", data);
	}

	@PostMapping("/{requestId}/replay")
	ResponseEntity<Object> replay(@PathVariable String requestId) {
		UUID id = TrunkIds.parseRequest(requestId);
		long accountId = this.requests.replay(id);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("request_id", id.toString());
		data.put("account_id", accountId);
		data.put("status", "pending");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "Provisioning replayed.");
		body.put("data", data);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
	}

	private Map<String, Object> failure(FailedRequest request) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("request_id", request.id().toString());
		item.put("account_id", request.accountId());
		item.put("phone_number", request.phoneNumber());
		item.put("sip_address", request.sipAddress());
		item.put("failure_reason", request.failureReason());
		item.put("attempts", request.attempts());
		item.put("attempt_history", this.json.readTree(request.attemptHistory()));
		item.put("failed_at", TrunkJson.timestamp(request.failedAt()));
		return item;
	}

}
