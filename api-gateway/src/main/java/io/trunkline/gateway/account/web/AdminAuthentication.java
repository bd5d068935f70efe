package io.trunkline.gateway.account.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.trunkline.gateway.account.AdminSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/}: without a configured admin token the endpoints answer 404 as if
 * they did not exist; with one, a request must present it as a bearer token (compared in
 * constant time) or get a 401.
 */
@Component
class AdminAuthentication extends OncePerRequestFilter {

	private final AdminSettings settings;

	AdminAuthentication(AdminSettings settings) {
		this.settings = settings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/admin/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.settings.enabled()) {
			write(response, HttpServletResponse.SC_NOT_FOUND, "{\"error\":\"Not found.\"}");
			return;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String presented = (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7))
				? header.substring(7).trim() : "";
		if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
				this.settings.token().getBytes(StandardCharsets.UTF_8))) {
			write(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"message\":\"Unauthenticated.\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private static void write(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(body);
	}

}
