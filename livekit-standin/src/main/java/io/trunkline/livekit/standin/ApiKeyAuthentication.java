package io.trunkline.livekit.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;

/**
 * LiveKit's {@code APIKeyAuthMiddleware}: a bearer token (or an {@code access_token}
 * query parameter) is an HS256 JWT whose {@code iss} names the API key and which is
 * signed with that key's secret; {@code exp}, {@code nbf} and {@code iat} are checked
 * with a minute of leeway, as {@code go-jose} does. The refusal texts are LiveKit's, down
 * to echoing the token, which is what the real server answers.
 *
 * <p>
 * One deliberate difference: a token without {@code exp} is refused here, where
 * {@code go-jose} lets it through; LiveKit's SDKs always set it, and code that forgets it
 * should fail in tests.
 */
final class ApiKeyAuthentication {

	private static final String BEARER = "Bearer ";

	private static final long LEEWAY_SECONDS = 60;

	private final String apiKey;

	private final JWTVerifier verifier;

	ApiKeyAuthentication(String apiKey, String apiSecret) {
		this.apiKey = apiKey;
		this.verifier = JWT.require(Algorithm.HMAC256(apiSecret))
			.withIssuer(apiKey)
			.acceptLeeway(LEEWAY_SECONDS)
			.build();
	}

	/**
	 * @param authorization the first {@code Authorization} header, or {@code null}
	 * @param rawQuery the raw query string, or {@code null}
	 * @return what the middleware makes of the request
	 */
	Authentication authenticate(String authorization, String rawQuery) {
		String token;
		if (authorization != null && !authorization.isEmpty()) {
			if (!authorization.startsWith(BEARER)) {
				return new Authentication.Refused("invalid authorization header. Must start with " + BEARER);
			}
			token = authorization.substring(BEARER.length());
		}
		else {
			token = queryParameter(rawQuery, "access_token");
		}
		if (token == null || token.isEmpty()) {
			return new Authentication.Anonymous();
		}
		DecodedJWT decoded;
		try {
			decoded = JWT.decode(token);
		}
		catch (JWTDecodeException ex) {
			return new Authentication.Refused("invalid authorization token");
		}
		if (!"HS256".equals(decoded.getAlgorithm())) {
			return new Authentication.Refused("invalid authorization token");
		}
		String issuer = (decoded.getIssuer() != null) ? decoded.getIssuer() : "";
		if (!this.apiKey.equals(issuer)) {
			return new Authentication.Refused("invalid API key: " + issuer);
		}
		try {
			DecodedJWT verified = this.verifier.verify(decoded);
			if (verified.getExpiresAt() == null) {
				return refusedToken(token, "exp claim is required");
			}
			return new Authentication.Verified(hasSipAdminGrant(verified));
		}
		catch (JWTVerificationException ex) {
			return refusedToken(token, goJoseReason(ex));
		}
	}

	private static Authentication refusedToken(String token, String reason) {
		return new Authentication.Refused("invalid token: " + token + ", error: " + reason);
	}

	private static String goJoseReason(JWTVerificationException ex) {
		if (ex instanceof SignatureVerificationException) {
			return "go-jose/go-jose: error in cryptographic primitive";
		}
		if (ex instanceof TokenExpiredException) {
			return "go-jose/go-jose/jwt: validation failed, token is expired (exp)";
		}
		if (ex instanceof IncorrectClaimException incorrect) {
			return switch (incorrect.getClaimName()) {
				case "nbf" -> "go-jose/go-jose/jwt: validation failed, token not valid yet (nbf)";
				case "iat" -> "go-jose/go-jose/jwt: validation field, token issued in the future (iat)";
				case "iss" -> "go-jose/go-jose/jwt: validation failed, invalid issuer claim (iss)";
				default -> ex.getMessage();
			};
		}
		return ex.getMessage();
	}

	/**
	 * The grant is the JSON object {@code "sip": {"admin": true}}, which is what
	 * LiveKit's SDK writes for {@code addSIPGrants(new SIPAdmin(true))}.
	 */
	private static boolean hasSipAdminGrant(DecodedJWT token) {
		try {
			Map<String, Object> sip = token.getClaim("sip").asMap();
			return sip != null && Boolean.TRUE.equals(sip.get("admin"));
		}
		catch (JWTDecodeException ex) {
			return false;
		}
	}

	private static String queryParameter(String rawQuery, String name) {
		if (rawQuery == null) {
			return null;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
				return (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}
