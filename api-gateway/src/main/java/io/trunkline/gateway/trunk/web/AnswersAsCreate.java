package io.trunkline.gateway.trunk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose unexpected failures answer the create's documented 500 (see
 * {@link ApiErrors}): it records a create, and a failure before the record committed
 * means nothing was created.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface AnswersAsCreate {

}
