package io.trunkline.gateway.account.web;

import io.trunkline.gateway.account.AdminSettings;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether an admin token is configured, by the rule of {@link AdminSettings#enabled()}:
 * the operators' controllers are registered only then.
 */
class AdminTokenConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return new AdminSettings(context.getEnvironment().getProperty("trunkline.admin.token")).enabled();
	}

}
