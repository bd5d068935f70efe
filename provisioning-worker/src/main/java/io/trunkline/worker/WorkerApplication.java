package io.trunkline.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The provisioning-worker: consumes provisioning requests, provisions both LiveKit
 * trunks, and commits and publishes the outcome.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WorkerApplication {

	/**
	 * The name of this service's configuration files ({@code worker.yml}), distinct from
	 * the gateway's so that both can share one classpath in the local stack.
	 */
	public static final String CONFIG_NAME = "worker";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * @return a builder for this service, with its configuration name set
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(WorkerApplication.class).properties("spring.config.name=" + CONFIG_NAME);
	}

}
