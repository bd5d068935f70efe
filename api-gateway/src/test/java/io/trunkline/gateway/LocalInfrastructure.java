package io.trunkline.gateway;

import java.util.Map;

import io.trunkline.local.SharedInfrastructure;
import io.trunkline.schema.secret.SecretCipher;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at the JVM's real PostgreSQL (embedded binaries) and real Kafka
 * broker (in-process KRaft), started once and shared by every context of the run.
 */
public class LocalInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String KEY_RING = SecretCipher.randomKeyRing();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var postgres = SharedInfrastructure.postgres();
		var kafka = SharedInfrastructure.kafka();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("local-infrastructure",
					Map.of("spring.datasource.url", postgres.jdbcUrl(), "spring.datasource.username",
							postgres.username(), "spring.datasource.password", "", "spring.kafka.bootstrap-servers",
							kafka.bootstrapServers(), "trunkline.secrets.keys", KEY_RING, "trunkline.topics.partitions",
							"2")));
	}

}
