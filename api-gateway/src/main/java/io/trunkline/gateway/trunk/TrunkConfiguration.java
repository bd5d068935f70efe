package io.trunkline.gateway.trunk;

import io.trunkline.schema.secret.SecretCipher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the create rules to what this installation offers, and the cipher that encrypts
 * SIP passwords before they are stored (the gateway never decrypts); the service refuses
 * to start without a key ring.
 */
@Configuration(proxyBeanMethods = false)
class TrunkConfiguration {

	@Bean
	CreateTrunkRules createTrunkRules(OutboundProxySettings outboundProxy) {
		return new CreateTrunkRules(outboundProxy.configured());
	}

	@Bean
	SecretCipher secretCipher(@Value("${" + SecretCipher.KEY_RING_PROPERTY + ":}") String keyRing) {
		return SecretCipher.fromKeyRing(keyRing);
	}

}
