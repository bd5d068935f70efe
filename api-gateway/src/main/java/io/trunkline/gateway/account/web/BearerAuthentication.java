package io.trunkline.gateway.account.web;

import java.io.IOException;
import java.util.OptionalLong;

import io.trunkline.gateway.account.AccountRegistry;
import io.trunkline.gateway.account.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into {@code /api/} only with {@code Authorization: Bearer <api key>} of
 * an existing account, and answers everything else with the API's {@code 401 {"message":
 * "Unauthenticated."}}.
 */
@Component
class BearerAuthentication extends OncePerRequestFilter {

	static final String CALLER_ATTRIBUTE = Caller.class.getName();

	static final String UNAUTHENTICATED = "{\"message\":\"Unauthenticated.\"}";

	private final AccountRegistry registry;

	BearerAuthentication(AccountRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		OptionalLong account = this.registry.authenticate(bearerToken(request));
		if (account.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED);
			return;
		}
		request.setAttribute(CALLER_ATTRIBUTE, new Caller(account.getAsLong()));
		chain.doFilter(request, response);
	}

	/**
	 * @return the token of an {@code Authorization: Bearer} header, or {@code null}
	 * without one
	 */
	static String bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).trim();
	}

	/**
	 * Answers a refused request with one of the API's JSON bodies.
	 */
	static void writeJson(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(body);
	}

}
