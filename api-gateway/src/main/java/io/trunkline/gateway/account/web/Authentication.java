package io.trunkline.gateway.account.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;

import io.trunkline.gateway.account.AccountRegistry;
import io.trunkline.gateway.account.AdminSettings;
import io.trunkline.gateway.account.Caller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Authenticates every request on the handler Spring MVC matched, never on the path (path
 * parameters, percent-encoding and dot segments make a raw path lie): a handler of a
 * {@link RequiresApiKey} controller needs an existing account's API key and gets its
 * {@link Caller}; one of a {@link RequiresAdminToken} controller needs the admin token,
 * compared in constant time. Anything else is refused with {@link Unauthenticated}.
 * <p>
 * A handler whose controller carries neither is not served ({@code 404}): a controller
 * that forgets its rule is closed, not open (and {@code ModuleRulesTests} fails the
 * build). That covers Spring Boot's error controller too, except on the error dispatch it
 * exists for.
 */
@Component
class Authentication implements HandlerInterceptor, WebMvcConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(Authentication.class);

	static final String CALLER_ATTRIBUTE = Caller.class.getName();

	private final AccountRegistry registry;

	private final AdminSettings adminSettings;

	Authentication(AccountRegistry registry, AdminSettings adminSettings) {
		this.registry = registry;
		this.adminSettings = adminSettings;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws NoResourceFoundException {
		if (!(handler instanceof HandlerMethod method)) {
			// Spring MVC's static resources: there are none, so it answers 404.
			return true;
		}
		Class<?> controller = method.getBeanType();
		if (AnnotatedElementUtils.hasAnnotation(controller, RequiresApiKey.class)) {
			OptionalLong account = this.registry.authenticate(bearerToken(request));
			if (account.isEmpty()) {
				throw new Unauthenticated();
			}
			request.setAttribute(CALLER_ATTRIBUTE, new Caller(account.getAsLong()));
			return true;
		}
		if (AnnotatedElementUtils.hasAnnotation(controller, RequiresAdminToken.class)) {
			if (!isAdminToken(bearerToken(request))) {
				throw new Unauthenticated();
			}
			return true;
		}
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return true;
		}
		if (controller.getName().startsWith("io.trunkline.")) {
			logger.error(
					"Refused a request to {}: the controller declares neither @RequiresApiKey nor @RequiresAdminToken",
					controller.getName());
		}
		throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI(),
				request.getRequestURI());
	}

	private boolean isAdminToken(String token) {
		if (!this.adminSettings.enabled() || token == null) {
			return false;
		}
		return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				this.adminSettings.token().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return the token of an {@code Authorization: Bearer} header, or {@code null}
	 * without one
	 */
	private static String bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).trim();
	}

}
