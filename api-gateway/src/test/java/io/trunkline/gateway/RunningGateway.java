package io.trunkline.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full api-gateway on a random port against a real PostgreSQL and a real Kafka broker,
 * with no worker: creates stay pending unless a test commits their outcome itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LocalInfrastructure.class)
public @interface RunningGateway {

	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default { "spring.config.name=gateway", "trunkline.reply.timeout=400ms",
			"trunkline.outbound-proxy.address=sip-proxy.trunkline.test:5060",
			"trunkline.admin.token=test-admin-token" };

}
