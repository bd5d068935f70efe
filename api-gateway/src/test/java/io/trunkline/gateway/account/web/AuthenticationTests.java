package io.trunkline.gateway.account.web;

import io.trunkline.gateway.account.AdminSettings;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A handler whose controller declares no access rule is closed, not open.
 */
class AuthenticationTests {

	final Authentication authentication = new Authentication(null, new AdminSettings("test-admin-token"));

	@Test
	void servesNoHandlerOfAControllerWithoutAnAccessRule() throws NoSuchMethodException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/forgotten");
		request.addHeader("Authorization", "Bearer test-admin-token");

		assertThatExceptionOfType(NoResourceFoundException.class).isThrownBy(
				() -> this.authentication.preHandle(request, new MockHttpServletResponse(), forgottenHandler()));
	}

	@Test
	void letsTheErrorDispatchOfAnAnsweredRequestThrough() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setDispatcherType(DispatcherType.ERROR);

		assertThat(this.authentication.preHandle(request, new MockHttpServletResponse(), forgottenHandler())).isTrue();
	}

	@Test
	void refusesAnOperatorHandlerWithoutTheAdminToken() throws NoSuchMethodException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/operators");
		request.addHeader("Authorization", "Bearer test-admin-tokem");

		assertThatExceptionOfType(Unauthenticated.class)
			.isThrownBy(() -> this.authentication.preHandle(request, new MockHttpServletResponse(), operatorHandler()));
	}

	@Test
	void refusesEveryOperatorHandlerWhenNoAdminTokenIsConfigured() throws NoSuchMethodException {
		Authentication withoutToken = new Authentication(null, new AdminSettings(""));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/operators");
		request.addHeader("Authorization", "Bearer ");

		assertThatExceptionOfType(Unauthenticated.class)
			.isThrownBy(() -> withoutToken.preHandle(request, new MockHttpServletResponse(), operatorHandler()));
	}

	private static HandlerMethod forgottenHandler() throws NoSuchMethodException {
		return new HandlerMethod(new ForgottenController(), ForgottenController.class.getDeclaredMethod("handle"));
	}

	private static HandlerMethod operatorHandler() throws NoSuchMethodException {
		return new HandlerMethod(new OperatorController(), OperatorController.class.getDeclaredMethod("handle"));
	}

	static class ForgottenController {

		String handle() {
			return "served";
		}

	}

	@RequiresAdminToken
	static class OperatorController {

		String handle() {
			return "served";
		}

	}

}
