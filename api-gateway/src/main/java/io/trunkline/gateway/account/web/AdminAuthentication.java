package io.trunkline.gateway.account.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.trunkline.gateway.account.AdminSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
			BearerAuthentication.writeJson(response, HttpServletResponse.SC_NOT_FOUND, "{\"error\":\"Not found.\"}");
			return;
		}
		String token = BearerAuthentication.bearerToken(request);
		String presented = (token != null) ? token : "";
		if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
				this.settings.token().getBytes(StandardCharsets.UTF_8))) {
			BearerAuthentication.writeJson(response, HttpServletResponse.SC_UNAUTHORIZED,
					BearerAuthentication.UNAUTHENTICATED);
			return;
		}
		chain.doFilter(request, response);
	}

}
