package io.trunkline.livekit.standin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Twirp error as it goes over the wire: {@code {"code": ..., "msg": ..., "meta":
 * {...}}}, always JSON, even in answer to a protobuf request, with {@code meta} left out
 * when empty.
 *
 * @param status the HTTP status
 * @param code the Twirp code, free text so that injected faults can send anything a proxy
 * might
 * @param msg the human-readable message
 * @param meta extra string pairs, empty for most errors
 */
record TwirpError(int status, String code, String msg, Map<String, String> meta) {

	TwirpError {
		meta = Map.copyOf(meta);
	}

	static TwirpError of(TwirpCode code, String msg) {
		return new TwirpError(code.httpStatus(), code.wireName(), msg, Map.of());
	}

	static TwirpError badRoute(String msg, String httpMethod, String path) {
		return new TwirpError(TwirpCode.BAD_ROUTE.httpStatus(), TwirpCode.BAD_ROUTE.wireName(), msg,
				Map.of("twirp_invalid_route", httpMethod + " " + path));
	}

	/**
	 * The body as Twirp's {@code marshalErrorToJSON} writes it with Go's
	 * {@code encoding/json}.
	 */
	Reply reply() {
		StringBuilder body = new StringBuilder("{\"code\":").append(JsonStrings.encodingJson(this.code))
			.append(",\"msg\":")
			.append(JsonStrings.encodingJson(this.msg));
		if (!this.meta.isEmpty()) {
			body.append(",\"meta\":{");
			this.meta.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((entry) -> body.append(JsonStrings.encodingJson(entry.getKey()))
					.append(':')
					.append(JsonStrings.encodingJson(entry.getValue()))
					.append(','));
			body.setCharAt(body.length() - 1, '}');
		}
		body.append('}');
		return new Reply(this.status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
	}

}
