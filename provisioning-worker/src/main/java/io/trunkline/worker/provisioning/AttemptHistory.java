package io.trunkline.worker.provisioning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The entry an attempt adds to its request's history, committed with its outcome: the
 * attempt, when it ended, how, and for a failure its reason, the voice infrastructure's
 * code and what went wrong. The history is kept with the request and shown to operators,
 * so it holds no unbounded text.
 */
@Component
class AttemptHistory {

	/**
	 * The most characters of an attempt's failure detail kept in its history.
	 */
	static final int DETAIL_LIMIT = 300;

	private final JsonMapper json;

	AttemptHistory(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @return the history entry (a JSON array of one) of an attempt that provisioned its
	 * request
	 */
	String provisioned(TrunkRequest request) {
		return entry(request, "provisioned", Map.of());
	}

	/**
	 * @return the history entry (a JSON array of one) of an attempt that failed its
	 * request, its detail cut to {@value #DETAIL_LIMIT} characters
	 */
	String failed(TrunkRequest request, AttemptFailure failure) {
		Map<String, Object> why = new LinkedHashMap<>();
		why.put("reason", failure.reason());
		if (failure.code() != null) {
			why.put("code", failure.code());
		}
		String detail = failure.detail();
		if (detail != null) {
			why.put("detail", (detail.length() > DETAIL_LIMIT) ? detail.substring(0, DETAIL_LIMIT) : detail);
		}
		return entry(request, "failed", why);
	}

	private String entry(TrunkRequest request, String result, Map<String, Object> why) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("attempt", request.attempts());
		entry.put("at", Instant.now().toString());
		entry.put("result", result);
		entry.putAll(why);
		return this.json.writeValueAsString(List.of(entry));
	}

}
