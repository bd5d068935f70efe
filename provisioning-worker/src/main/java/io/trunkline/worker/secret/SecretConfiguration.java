package io.trunkline.worker.secret;

import io.trunkline.schema.secret.SecretCipher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the cipher from the configured key ring; the service refuses to start without
 * one.
 */
@Configuration(proxyBeanMethods = false)
class SecretConfiguration {

	@Bean
	SecretCipher secretCipher(SecretSettings settings) {
		return SecretCipher.fromKeyRing(settings.keys());
	}

}
