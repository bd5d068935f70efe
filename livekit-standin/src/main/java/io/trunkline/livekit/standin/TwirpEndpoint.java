package io.trunkline.livekit.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import livekit.LivekitSip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request the stand-in receives, handled in the order LiveKit's server handles it:
 * the body-size limit, the API-key middleware, the health check at {@code /}, then
 * Twirp's routing, content-type check and decoding, the SIP admin permission check, and
 * finally the method. Injected faults and the added latency act before all of that, or
 * around the answer.
 */
final class TwirpEndpoint implements HttpHandler {

	static final String SERVICE = "livekit.SIP";

	static final String PATH_PREFIX = "/twirp";

	static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

	private static final long DISCARD_LIMIT = 16L * MAX_BODY_BYTES;

	private static final Logger logger = LoggerFactory.getLogger(TwirpEndpoint.class);

	private static final String SERVICE_PATH = PATH_PREFIX + "/" + SERVICE + "/";

	private final ApiKeyAuthentication authentication;

	private final Map<String, SipRpc> implemented;

	private final Set<String> declared;

	private final Faults faults;

	private final CallCounts calls;

	private final Pauses pauses;

	private final Supplier<Duration> latency;

	TwirpEndpoint(ApiKeyAuthentication authentication, SipService sip, Faults faults, CallCounts calls, Pauses pauses,
			Supplier<Duration> latency) {
		this.authentication = authentication;
		this.implemented = sip.rpcs().stream().collect(Collectors.toUnmodifiableMap(SipRpc::name, Function.identity()));
		this.declared = LivekitSip.getDescriptor()
			.findServiceByName("SIP")
			.getMethods()
			.stream()
			.map(MethodDescriptor::getName)
			.collect(Collectors.toUnmodifiableSet());
		this.faults = faults;
		this.calls = calls;
		this.pauses = pauses;
		this.latency = latency;
	}

	@Override
	public void handle(HttpExchange exchange) {
		String method = sipMethod(exchange.getRequestURI().getPath());
		Pauses.ForRequest waits = this.pauses.forRequest();
		try {
			FaultAction fault = null;
			if (method != null) {
				this.calls.record(method);
				fault = this.faults.take(method).orElse(null);
			}
			if (!waits.pause(this.latency.get())) {
				abandoned(method);
				return;
			}
			if (fault instanceof FaultAction.Respond respond) {
				discardBody(exchange);
				logger.info("Answered a {} request with the injected fault {} {}", method, respond.error().status(),
						respond.error().code());
				write(exchange, respond.error().reply());
				return;
			}
			if (fault instanceof FaultAction.Delay delay && !waits.pause(delay.duration())) {
				abandoned(method);
				return;
			}
			if (fault instanceof FaultAction.DropConnection) {
				discardBody(exchange);
				logger.info("Dropped the connection of a {} request unperformed, as an injected fault", method);
				return;
			}
			Reply reply = answer(exchange);
			if (fault instanceof FaultAction.PerformThenDropResponse) {
				logger.info("Dropped the {} response of a performed {} request, as an injected fault", reply.status(),
						method);
				return;
			}
			if (fault instanceof FaultAction.DelayAfterPerforming delay && !waits.pause(delay.duration())) {
				abandoned(method);
				return;
			}
			write(exchange, reply);
		}
		catch (IOException ex) {
			logger.debug("Could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
					ex.toString());
		}
		finally {
			// Before sendResponseHeaders, this closes the connection: the client sees it
			// end with no response.
			exchange.close();
		}
	}

	private Reply answer(HttpExchange exchange) throws IOException {
		Headers headers = exchange.getRequestHeaders();
		boolean tooLarge = declaredLength(headers.getFirst("Content-Length")) > MAX_BODY_BYTES;
		byte[] body = tooLarge ? new byte[0] : exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
		if (tooLarge || body.length > MAX_BODY_BYTES) {
			discardBody(exchange);
			return Reply.httpError(413, "request body too large");
		}
		URI uri = exchange.getRequestURI();
		Authentication caller = this.authentication.authenticate(headers.getFirst("Authorization"), uri.getRawQuery());
		if (caller instanceof Authentication.Refused refused) {
			return Reply.plainText(401, refused.message());
		}
		String path = uri.getPath().startsWith("//") ? uri.getPath().substring(1) : uri.getPath();
		if (path.equals("/")) {
			return Reply.plainText(200, "OK");
		}
		try {
			return twirp(exchange.getRequestMethod(), path, headers.getFirst("Content-Type"), body, caller);
		}
		catch (RequestRejected ex) {
			return ex.error().reply();
		}
		catch (RuntimeException ex) {
			logger.error("A {} request failed unexpectedly", path, ex);
			return TwirpError.of(TwirpCode.INTERNAL, "Internal service panic").reply();
		}
	}

	/**
	 * The generated Twirp server's {@code ServeHTTP} and {@code serve<Method>}, then
	 * LiveKit's {@code EnsureSIPAdminPermission}.
	 */
	private Reply twirp(String httpMethod, String path, String contentType, byte[] body, Authentication caller) {
		if (!"POST".equals(httpMethod)) {
			return badRoute("unsupported method %s (only POST is allowed)".formatted(GoStrings.quote(httpMethod)),
					httpMethod, path);
		}
		String[] parts = path.split("/", -1);
		String method = parts[parts.length - 1];
		String service = parts[parts.length - 2];
		String prefix = String.join("/", Arrays.copyOfRange(parts, 0, parts.length - 2));
		if (!SERVICE.equals(service)) {
			return badRoute("no handler for path %s".formatted(GoStrings.quote(path)), httpMethod, path);
		}
		if (!PATH_PREFIX.equals(prefix)) {
			return badRoute("invalid path prefix %s, expected %s, on path %s".formatted(GoStrings.quote(prefix),
					GoStrings.quote(PATH_PREFIX), GoStrings.quote(path)), httpMethod, path);
		}
		if (!this.declared.contains(method)) {
			return badRoute("no handler for path %s".formatted(GoStrings.quote(path)), httpMethod, path);
		}
		WireFormat format = WireFormat.of(contentType);
		if (format == null) {
			return badRoute(
					"unexpected Content-Type: %s".formatted(GoStrings.quote((contentType != null) ? contentType : "")),
					httpMethod, path);
		}
		SipRpc rpc = this.implemented.get(method);
		if (rpc == null) {
			return TwirpError.of(TwirpCode.UNIMPLEMENTED, method + " is not implemented by the LiveKit stand-in")
				.reply();
		}
		Message request = format.decode(body, rpc.requestPrototype());
		if (!caller.sipAdmin()) {
			return TwirpError.of(TwirpCode.UNAUTHENTICATED, "permissions denied").reply();
		}
		return format.reply(rpc.call().apply(request));
	}

	/**
	 * @return the method a path addresses in {@code livekit.SIP}, known or not, or
	 * {@code null} for other paths
	 */
	private static String sipMethod(String path) {
		if (!path.startsWith(SERVICE_PATH)) {
			return null;
		}
		String method = path.substring(SERVICE_PATH.length());
		return (method.isEmpty() || method.contains("/")) ? null : method;
	}

	private static Reply badRoute(String msg, String httpMethod, String path) {
		return TwirpError.badRoute(msg, httpMethod, path).reply();
	}

	private static void abandoned(String method) {
		logger.info("Abandoned a held {} request unanswered: the stand-in was reset or stopped",
				(method != null) ? method : "non-SIP");
	}

	private static long declaredLength(String contentLength) {
		if (contentLength == null) {
			return -1;
		}
		try {
			return Long.parseLong(contentLength.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Reads what is left of a request body, up to a bound, so that closing the exchange
	 * does not reset the connection and destroy the answer on its way out.
	 */
	private static void discardBody(HttpExchange exchange) throws IOException {
		InputStream body = exchange.getRequestBody();
		byte[] buffer = new byte[64 * 1024];
		long left = DISCARD_LIMIT;
		int read = 0;
		while (left > 0 && read >= 0) {
			read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
			left -= Math.max(read, 0);
		}
	}

	private static void write(HttpExchange exchange, Reply reply) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		reply.headers().forEach(headers::set);
		headers.set("Content-Type", reply.contentType());
		boolean bodiless = reply.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(reply.status(), bodiless ? -1 : reply.body().length);
		if (!bodiless) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(reply.body());
			}
		}
		logger.debug("Answered {} {} with {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				reply.status());
	}

}
