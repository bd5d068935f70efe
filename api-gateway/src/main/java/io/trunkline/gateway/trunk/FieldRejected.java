package io.trunkline.gateway.trunk;

/**
 * A value in the create body broke a field rule. Carries only the predicate of the
 * message ("must be ..."), because the same value object serves fields with different
 * subjects ("Phone number", "Extension", "Allowed inbound IP at index 2"):
 * {@link CreateTrunkRules} puts the subject in front. The predicate never quotes the
 * rejected value back, so a secret cannot leak through it.
 */
class FieldRejected extends RuntimeException {

	FieldRejected(String predicate) {
		// No stack trace: this is an expected outcome of validation, thrown for every bad
		// entry of a hostile body.
		super(predicate, null, false, false);
	}

	/**
	 * The message without its subject, e.g.
	 * {@code must be a valid ISO 3166-1 alpha-2 code.}
	 * @return the predicate
	 */
	String predicate() {
		return getMessage();
	}

}
