package io.trunkline.livekit.standin;

/**
 * The Twirp error codes with the HTTP status each one travels with, as fixed by
 * {@code twitchtv/twirp}'s {@code ServerHTTPStatusFromErrorCode}. Clients decide on
 * retries from the status, so the pairing must be exact.
 */
enum TwirpCode {

	CANCELED("canceled", 408),

	UNKNOWN("unknown", 500),

	INVALID_ARGUMENT("invalid_argument", 400),

	MALFORMED("malformed", 400),

	DEADLINE_EXCEEDED("deadline_exceeded", 408),

	NOT_FOUND("not_found", 404),

	BAD_ROUTE("bad_route", 404),

	ALREADY_EXISTS("already_exists", 409),

	PERMISSION_DENIED("permission_denied", 403),

	UNAUTHENTICATED("unauthenticated", 401),

	RESOURCE_EXHAUSTED("resource_exhausted", 429),

	FAILED_PRECONDITION("failed_precondition", 412),

	ABORTED("aborted", 409),

	OUT_OF_RANGE("out_of_range", 400),

	UNIMPLEMENTED("unimplemented", 501),

	INTERNAL("internal", 500),

	UNAVAILABLE("unavailable", 503),

	DATA_LOSS("dataloss", 500);

	private final String wireName;

	private final int httpStatus;

	TwirpCode(String wireName, int httpStatus) {
		this.wireName = wireName;
		this.httpStatus = httpStatus;
	}

	String wireName() {
		return this.wireName;
	}

	int httpStatus() {
		return this.httpStatus;
	}

}
