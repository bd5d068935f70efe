package io.trunkline.gateway.firewall;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with {@code 400 {"message": "The request path is not valid."}}, before any
 * other filter, every request whose path could mean two things: path parameters
 * ({@code ;}), encoded slashes, backslashes, encoded dots, encoded percents (double
 * encoding), empty ({@code //}) and dot segments ({@code /./}, {@code /../}), NUL, line
 * breaks and anything that is not printable ASCII. It applies to every path, the
 * actuator's too.
 * <p>
 * The rules are Spring Security's {@link StrictHttpFirewall}, kept by the Spring Security
 * team against the bypasses found over the years, rather than a list of our own. Only its
 * path checks are used: the request goes on unwrapped, because the firewall's wrapper
 * checks headers and parameters lazily, where a refusal would surface as a {@code 500};
 * and the HTTP method is left to Spring MVC, which answers the API's {@code 405}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PathFirewall extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(PathFirewall.class);

	static final String REFUSED = "{\"message\":\"The request path is not valid.\"}";

	private final StrictHttpFirewall rules = new StrictHttpFirewall();

	PathFirewall() {
		this.rules.setUnsafeAllowAnyHttpMethod(true);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.rules.getFirewalledRequest(request);
		}
		catch (RequestRejectedException ex) {
			// The reason names the offending characters, never the path: no caller input
			// in the log.
			logger.debug("Refused a {} request: {}", request.getMethod(), ex.getMessage());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write(REFUSED);
			return;
		}
		chain.doFilter(request, response);
	}

}
