package io.trunkline.gateway.account.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trunkline.gateway.account.AccountRegistry;
import io.trunkline.gateway.account.IssuedKey;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators open accounts and issue API keys here (only with the admin token configured
 * and presented). The key is in the response once and never again: only its digest is
 * stored.
 */
@RestController
@RequiresAdminToken
@RequestMapping("/admin/accounts")
class AccountAdminController {

	private final AccountRegistry registry;

	AccountAdminController(AccountRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	ResponseEntity<Object> open(@RequestBody(required = false) JsonNode body) {
		JsonNode name = (body != null && body.isObject()) ? body.get("name") : null;
		if (name == null || !name.isString() || name.asString().isBlank() || name.asString().length() > 200) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("message", "The given data was invalid.", "errors",
						Map.of("name", List.of("Name is required and may not be greater than 200 characters."))));
		}
		return created(this.registry.open(name.asString().trim()));
	}

	@PostMapping("/{accountId}/api-keys")
	ResponseEntity<Object> issueKey(@PathVariable String accountId) {
		if (!accountId.matches("\\d{1,18}") || !this.registry.exists(Long.parseLong(accountId))) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "Account not found."));
		}
		return created(this.registry.issueKey(Long.parseLong(accountId), "admin"));
	}

	private static ResponseEntity<Object> created(IssuedKey key) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("account_id", key.accountId());
		data.put("api_key", key.token());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "API key issued. It is shown only once.");
		body.put("data", data);
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

}
