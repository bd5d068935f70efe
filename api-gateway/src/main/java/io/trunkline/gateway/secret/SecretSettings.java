package io.trunkline.gateway.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key ring that encrypts SIP passwords at rest, only from the environment
 * ({@code TRUNKLINE_SECRETS_KEYS}).
 *
 * @param keys {@code id:base64key[,id:base64key...]}, the first entry encrypting
 */
@ConfigurationProperties("trunkline.secrets")
record SecretSettings(String keys) {

	@Override
	public String toString() {
		return "SecretSettings[keys=(hidden)]";
	}

}
