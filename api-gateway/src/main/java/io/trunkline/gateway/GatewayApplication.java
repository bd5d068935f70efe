package io.trunkline.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The api-gateway: accepts create requests, records them with an outbox event, and
 * answers each from its provisioning outcome.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

	/**
	 * The name of this service's configuration files ({@code gateway.yml}), distinct from
	 * the worker's so that both can share one classpath in the local stack.
	 */
	public static final String CONFIG_NAME = "gateway";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * @return a builder for this service, with its configuration name set
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

}
