package io.trunkline.worker.provisioning;

import io.trunkline.schema.secret.SecretCipher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cipher that decrypts SIP passwords, only to call LiveKit; the service refuses to
 * start without a key ring.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

	@Bean
	SecretCipher secretCipher(@Value("${" + SecretCipher.KEY_RING_PROPERTY + ":}") String keyRing) {
		return SecretCipher.fromKeyRing(keyRing);
	}

}
