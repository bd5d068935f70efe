package io.trunkline.gateway.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Every route of the gateway, and every way a path trick rewrites it: path parameters,
 * percent-encoding, empty and dot segments, backslashes, control characters, case and a
 * trailing slash. Each trick says what the gateway answers a caller without credentials.
 */
final class PathTricks {

	/** A create body that would be accepted if a trick reached the handler unchecked. */
	static final String TRUNK_BODY = """
			{"sip_trunk_type": "extension", "phone_number": "7001", "sip_username": "trick",
			 "sip_password": "correct-horse-battery", "sip_address": "sip.provider.com",
			 "sip_calling_format": "+e164", "inbound_authorization_type": "auth", "country_code": "US"}
			""";

	private PathTricks() {
	}

	/**
	 * @return every route with every trick, as test arguments
	 */
	static Stream<Arguments> everyRouteWithEveryTrick() {
		return Stream.of(Route.values())
			.flatMap((route) -> tricks(route).stream().map((trick) -> Arguments.of(route, trick)));
	}

	/**
	 * @return every operator route with every trick, as test arguments
	 */
	static Stream<Arguments> everyAdminRouteWithEveryTrick() {
		return everyRouteWithEveryTrick().filter((arguments) -> ((Route) arguments.get()[0]).admin());
	}

	static List<Trick> tricks(Route route) {
		int segments = route.template().substring(1).split("/").length;
		List<Trick> tricks = new ArrayList<>();
		tricks.add(new Trick("as documented", UnaryOperator.identity(), Answer.UNAUTHENTICATED));
		for (int i = 0; i < segments; i++) {
			int segment = i;
			tricks.add(new Trick("';x' after segment " + (i + 1), (path) -> editSegment(path, segment, (s) -> s + ";x"),
					Answer.REFUSED));
			tricks.add(new Trick("segment " + (i + 1) + " starting percent-encoded",
					(path) -> editSegment(path, segment, PathTricks::encodeFirst), Answer.UNAUTHENTICATED));
			tricks.add(new Trick("'//' before segment " + (i + 1), (path) -> editSegment(path, segment, (s) -> "/" + s),
					Answer.REFUSED));
			tricks.add(new Trick("'/./' before segment " + (i + 1),
					(path) -> editSegment(path, segment, (s) -> "./" + s), Answer.REFUSED));
			tricks.add(new Trick("'/x/../' before segment " + (i + 1),
					(path) -> editSegment(path, segment, (s) -> "x/../" + s), Answer.REFUSED));
			if (i > 0) {
				tricks.add(new Trick("'%2F' before segment " + (i + 1), (path) -> joinBefore(path, segment, "%2F"),
						Answer.REFUSED));
			}
		}
		tricks.add(new Trick("'%2f' before the last segment", (path) -> joinBefore(path, segments - 1, "%2f"),
				Answer.REFUSED));
		tricks.add(new Trick("a backslash before the last segment", (path) -> joinBefore(path, segments - 1, "\\"),
				Answer.REFUSED));
		tricks.add(new Trick("'%5C' before the last segment", (path) -> joinBefore(path, segments - 1, "%5C"),
				Answer.REFUSED));
		tricks.add(new Trick("'%5c' before the last segment", (path) -> joinBefore(path, segments - 1, "%5c"),
				Answer.REFUSED));
		tricks.add(new Trick("'%3B' in the last segment", (path) -> path + "%3Bx", Answer.REFUSED));
		tricks.add(new Trick("'/.' at the end", (path) -> path + "/.", Answer.REFUSED));
		tricks.add(new Trick("'/..' at the end", (path) -> path + "/..", Answer.REFUSED));
		tricks.add(new Trick("'/%2E/' at the start", (path) -> "/%2E" + path, Answer.REFUSED));
		tricks.add(new Trick("'/x/%2e%2e/' at the start", (path) -> "/x/%2e%2e" + path, Answer.REFUSED));
		tricks.add(new Trick("'%25' (double encoding) in segment 1",
				(path) -> editSegment(path, 0, (s) -> "%25" + hex(s.charAt(0)) + s.substring(1)), Answer.REFUSED));
		tricks.add(new Trick("'%00' at the end", (path) -> path + "%00", Answer.REFUSED));
		tricks.add(new Trick("'%0A' at the end", (path) -> path + "%0A", Answer.REFUSED));
		tricks.add(new Trick("'%0d' at the end", (path) -> path + "%0d", Answer.REFUSED));
		tricks.add(new Trick("an encoded line separator at the end", (path) -> path + "%E2%80%A8", Answer.REFUSED));
		tricks.add(new Trick("the other prefix and '/../' before it",
				(path) -> (route.admin() ? "/api/.." : "/admin/..") + path, Answer.REFUSED));
		tricks.add(new Trick("in upper case", (path) -> path.toUpperCase(Locale.ROOT), Answer.NOT_FOUND));
		tricks.add(new Trick("segment 1 capitalised",
				(path) -> editSegment(path, 0, (s) -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1)),
				Answer.NOT_FOUND));
		tricks.add(new Trick("with a trailing slash", (path) -> path + "/", Answer.NOT_FOUND));
		return tricks;
	}

	private static String editSegment(String path, int index, UnaryOperator<String> edit) {
		String[] segments = path.substring(1).split("/");
		segments[index] = edit.apply(segments[index]);
		return "/" + String.join("/", segments);
	}

	/** Joins segment {@code index} to the one before with the given separator. */
	private static String joinBefore(String path, int index, String separator) {
		String[] segments = path.substring(1).split("/");
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < segments.length; i++) {
			joined.append((i == index) ? separator : "/").append(segments[i]);
		}
		return joined.toString();
	}

	private static String encodeFirst(String segment) {
		return "%" + hex(segment.charAt(0)) + segment.substring(1);
	}

	private static String hex(char c) {
		return String.format("%02x", (int) c);
	}

	/**
	 * A route of the gateway, with placeholders for ids that exist.
	 *
	 * @param method the HTTP method
	 * @param template the documented path, with {@code {account}}, {@code {trunk}} or
	 * {@code {request}}
	 * @param body the request body, or {@code null}
	 */
	enum Route {

		CREATE_TRUNK("POST", "/api/user/phone-numbers/sip-trunks", TRUNK_BODY),

		LIST_TRUNKS("GET", "/api/user/phone-numbers/sip-trunks", null),

		GET_TRUNK("GET", "/api/user/phone-numbers/sip-trunks/{trunk}", null),

		GET_REQUEST("GET", "/api/user/phone-numbers/sip-trunks/requests/{request}", null),

		OPEN_ACCOUNT("POST", "/admin/accounts", "{\"name\": \"Path Trick Ltd\"}"),

		ISSUE_KEY("POST", "/admin/accounts/{account}/api-keys", ""),

		LIST_FAILED("GET", "/admin/requests/failed", null),

		REPLAY("POST", "/admin/requests/{request}/replay", "");

		private final String method;

		private final String template;

		private final String body;

		Route(String method, String template, String body) {
			this.method = method;
			this.template = template;
			this.body = body;
		}

		String method() {
			return this.method;
		}

		String template() {
			return this.template;
		}

		String body() {
			return this.body;
		}

		boolean admin() {
			return this.template.startsWith("/admin/");
		}

		/**
		 * @return the documented path with the given ids in place
		 */
		String path(long account, long trunk, String request) {
			return this.template.replace("{account}", Long.toString(account))
				.replace("{trunk}", Long.toString(trunk))
				.replace("{request}", request);
		}

		@Override
		public String toString() {
			return this.method + " " + this.template;
		}

	}

	/**
	 * A rewriting of a route's path.
	 *
	 * @param name what it does
	 * @param rewrite the rewriting of the documented path
	 * @param answer what the gateway answers it without credentials
	 */
	record Trick(String name, UnaryOperator<String> rewrite, Answer answer) {

		String apply(String path) {
			return this.rewrite.apply(path);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * What the gateway answers a trick.
	 */
	enum Answer {

		/** {@code 400}: the path is refused before anything looks at it. */
		REFUSED(400),

		/** {@code 401}: the path names a route, which needs credentials. */
		UNAUTHENTICATED(401),

		/** {@code 404}: the path names no route. */
		NOT_FOUND(404);

		private final int status;

		Answer(int status) {
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

}
