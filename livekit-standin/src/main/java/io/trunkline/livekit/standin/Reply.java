package io.trunkline.livekit.standin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP answer computed in full before anything is written, so that a fault can still
 * decide to drop or delay it after the request was performed.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header
 * @param body the body, possibly empty
 * @param headers further headers
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

	Reply {
		headers = Map.copyOf(headers);
	}

	/**
	 * A plain-text answer written the way LiveKit's HTTP middleware writes its own
	 * errors: the status, then the text, with the content type Go's {@code net/http}
	 * sniffs for it.
	 */
	static Reply plainText(int status, String text) {
		return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	/**
	 * A plain-text answer as Go's {@code http.Error} writes it: a trailing newline and
	 * {@code nosniff}.
	 */
	static Reply httpError(int status, String text) {
		return new Reply(status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8),
				Map.of("X-Content-Type-Options", "nosniff"));
	}

}
