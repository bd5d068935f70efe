package io.trunkline.gateway.trunk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trunkline.gateway.trunk.InvalidTrunk;
import io.trunkline.gateway.trunk.SipTrunk;
import io.trunkline.gateway.trunk.SipTrunks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Pages through an account's trunks. The documented list has no pagination: without
 * parameters it returns the newest {@link Settings#unpagedCap()} trunks in the documented
 * shape. With {@code page} (from 1) and {@code per_page} (1 to
 * {@link Settings#maxPerPage()}) it returns that page plus a Laravel-style {@code meta}.
 */
@Component
class Pagination {

	private final SipTrunks trunks;

	private final Settings settings;

	Pagination(SipTrunks trunks, Settings settings) {
		this.trunks = trunks;
		this.settings = settings;
	}

	Map<String, Object> page(long accountId, String page, String perPage) {
		if (page == null && perPage == null) {
			return Answers.list(this.trunks.list(accountId, 0, this.settings.unpagedCap()));
		}
		Map<String, List<String>> errors = new LinkedHashMap<>();
		int pageNumber = parse(page, 1, Integer.MAX_VALUE / 1000, "page", "The page must be an integer of at least 1.",
				errors);
		int size = parse(perPage, this.settings.defaultPerPage(), this.settings.maxPerPage(), "per_page",
				"The per page must be an integer between 1 and " + this.settings.maxPerPage() + ".", errors);
		if (!errors.isEmpty()) {
			throw new InvalidTrunk(errors);
		}
		long total = this.trunks.count(accountId);
		List<SipTrunk> items = this.trunks.list(accountId, (long) (pageNumber - 1) * size, size);
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("current_page", pageNumber);
		meta.put("per_page", size);
		meta.put("total", total);
		meta.put("last_page", Math.max(1, (total + size - 1) / size));
		Map<String, Object> body = new LinkedHashMap<>(Answers.list(items));
		body.put("meta", meta);
		return body;
	}

	private static int parse(String value, int fallback, int max, String field, String message,
			Map<String, List<String>> errors) {
		if (value == null) {
			return fallback;
		}
		if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
			errors.put(field, List.of(message));
			return fallback;
		}
		int parsed = Integer.parseInt(value);
		if (parsed < 1 || parsed > max) {
			errors.put(field, List.of(message));
			return fallback;
		}
		return parsed;
	}

	/**
	 * Bounds of the list endpoint.
	 *
	 * @param unpagedCap the most trunks returned without pagination parameters
	 * @param defaultPerPage the page size when only {@code page} is given
	 * @param maxPerPage the largest page size a client may ask for
	 */
	@ConfigurationProperties("trunkline.list")
	record Settings(@DefaultValue("1000") int unpagedCap, @DefaultValue("50") int defaultPerPage,
			@DefaultValue("500") int maxPerPage) {
	}

}
