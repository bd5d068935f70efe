package io.trunkline.gateway.trunk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A create request broke one or more field rules. Carries every failing field with its
 * messages, in the order the fields are documented.
 */
public class InvalidTrunk extends RuntimeException {

	private final Map<String, List<String>> errors;

	public InvalidTrunk(Map<String, List<String>> errors) {
		super("The given data was invalid: " + errors.keySet());
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	public Map<String, List<String>> errors() {
		return this.errors;
	}

}
