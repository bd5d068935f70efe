package io.trunkline.gateway.account.web;

import io.trunkline.gateway.RawHttp;
import io.trunkline.gateway.RunningGateway;
import io.trunkline.gateway.account.web.PathTricks.Answer;
import io.trunkline.gateway.account.web.PathTricks.Route;
import io.trunkline.gateway.account.web.PathTricks.Trick;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an admin token configured the operator endpoints do not exist: every
 * {@code /admin/} route, in every rewritten form and with any bearer token, is refused
 * ({@code 400}) or not found ({@code 404}), and opens no account and issues no key.
 */
@RunningGateway(properties = { "spring.config.name=gateway", "trunkline.reply.timeout=400ms",
		"trunkline.outbound-proxy.address=sip-proxy.trunkline.test:5060", "trunkline.admin.token=" })
class AdminDisabledIntegrationTests {

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("io.trunkline.gateway.account.web.PathTricks#everyAdminRouteWithEveryTrick")
	void answersNoAdminRouteInAnyForm(Route route, Trick trick) {
		long keys = keys();
		String target = trick.apply(route.path(1, 1, "7a2f3a8e-0000-4000-8000-000000000001"));
		Answer expected = (trick.answer() == Answer.REFUSED) ? Answer.REFUSED : Answer.NOT_FOUND;

		for (String authorization : new String[] { null, "Bearer ", "Bearer test-admin-token" }) {
			RawHttp.Answer answer = RawHttp.of(this.environment)
				.send(route.method(), target, route.body(), authorization);

			PathTricksIntegrationTests.assertAnswered(answer, expected, target);
		}
		assertThat(keys()).isEqualTo(keys);
	}

	@Test
	void registersNoAdminController() {
		assertThat(this.context.getBeanNamesForType(AccountAdminController.class)).isEmpty();
		assertThat(this.context.getBeanNamesForAnnotation(RequiresAdminToken.class)).isEmpty();
	}

	private long keys() {
		return this.jdbc.sql("SELECT count(*) FROM api_keys").query(Long.class).single();
	}

}
