package io.trunkline.gateway.account.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.trunkline.gateway.account.Caller;

/**
 * Marks a controller of the public API: every handler it has answers only a request with
 * {@code Authorization: Bearer <api key>} of an existing account, and may take the
 * {@link Caller} as a parameter. Every controller carries this or
 * {@link RequiresAdminToken}; {@link Authentication} enforces it on the handler Spring
 * MVC matched.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresApiKey {

}
