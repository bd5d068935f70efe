package io.trunkline.gateway.account.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Marks an operators' controller: it exists only when an admin token is configured
 * ({@code TRUNKLINE_ADMIN_TOKEN}), so without one its paths are not routes at all
 * ({@code 404}); with one, every handler it has answers only a request that presents the
 * token as a bearer token. Every controller carries this or {@link RequiresApiKey};
 * {@link Authentication} enforces it on the handler Spring MVC matched.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(AdminTokenConfigured.class)
public @interface RequiresAdminToken {

}
