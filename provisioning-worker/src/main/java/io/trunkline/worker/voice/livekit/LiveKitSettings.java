package io.trunkline.worker.voice.livekit;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where LiveKit is and how to talk to it. There is no default URL: a worker without
 * {@code LIVEKIT_URL} refuses to start rather than guess.
 * <p>
 * Every call carries an access token and most carry SIP passwords, so the worker talks to
 * LiveKit over TLS: {@code https://} (or {@code wss://}, LiveKit's usual spelling of the
 * same server, which is called over {@code https://}). Plain text ({@code http://},
 * {@code ws://}) is accepted only for a loopback address (a LiveKit on the same host, or
 * the local stack's stand-in), or when {@code LIVEKIT_ALLOW_PLAINTEXT} says so for a
 * private network the operator trusts; a plain-text URL to anywhere else stops the worker
 * at start.
 *
 * @param url the LiveKit server, e.g. {@code https://my-project.livekit.cloud}
 * @param apiKey the API key (the tokens' issuer)
 * @param apiSecret the API secret that signs the tokens
 * @param connectTimeout the longest a connection may take
 * @param readTimeout the longest a call may take once sent
 * @param tokenTtl how long each access token is valid; a token is reused until a minute
 * before it expires
 * @param allowPlainText whether an {@code http://} or {@code ws://} URL to a host other
 * than a loopback address is accepted
 */
@ConfigurationProperties("livekit")
record LiveKitSettings(String url, String apiKey, String apiSecret, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue("10m") Duration tokenTtl,
		@DefaultValue("false") boolean allowPlainText) {

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	LiveKitSettings {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("LIVEKIT_URL is not set: the worker needs a LiveKit server");
		}
		if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
			throw new IllegalArgumentException("LIVEKIT_API_KEY and LIVEKIT_API_SECRET must both be set");
		}
		url = callable(url.strip(), allowPlainText);
	}

	/**
	 * @return the URL the worker calls: {@code https://} or {@code http://}, without a
	 * trailing slash
	 * @throws IllegalArgumentException for a URL that is not absolute, has another
	 * scheme, or is plain text to a host that is not a loopback address (unless allowed)
	 */
	private static String callable(String url, boolean allowPlainText) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("LIVEKIT_URL is not a valid URL: " + url);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException(
					"LIVEKIT_URL must be a server address such as " + "https://my-project.livekit.cloud, not " + url);
		}
		boolean secure = switch (scheme) {
			case "https", "wss" -> true;
			case "http", "ws" -> false;
			default -> throw new IllegalArgumentException(
					"LIVEKIT_URL must start with https:// or wss:// (plain http:// or ws:// only for loopback), not "
							+ url);
		};
		if (!secure && !allowPlainText && !isLoopback(host)) {
			throw new IllegalArgumentException("LIVEKIT_URL " + url + " is plain text to " + host
					+ ": access tokens and SIP passwords would cross the network unencrypted. Use https:// or wss://,"
					+ " or set LIVEKIT_ALLOW_PLAINTEXT=true for a network you trust");
		}
		String path = uri.getRawPath();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		String authority = uri.getRawAuthority();
		return (secure ? "https://" : "http://") + authority + path;
	}

	/**
	 * Whether a URL's host is a loopback address, decided from the literal alone: a name
	 * other than {@code localhost} is never looked up (what it resolves to can change).
	 */
	static boolean isLoopback(String host) {
		String literal = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		if (literal.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (IPV4.matcher(literal).matches()) {
			return literal.startsWith("127.");
		}
		if (!literal.contains(":")) {
			return false;
		}
		try {
			// An IPv6 literal: getByName parses it and never looks it up.
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "LiveKitSettings[url=" + this.url + ", apiKey=" + this.apiKey + ", apiSecret=(hidden), allowPlainText="
				+ this.allowPlainText + "]";
	}

}
