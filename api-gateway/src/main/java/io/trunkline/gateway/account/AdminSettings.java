package io.trunkline.gateway.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operators' bearer token for {@code /admin/}, only from the environment
 * ({@code TRUNKLINE_ADMIN_TOKEN}). Without one the admin endpoints do not exist (404).
 *
 * @param token the admin token, or blank to disable the admin endpoints
 */
@ConfigurationProperties("trunkline.admin")
public record AdminSettings(String token) {

	public boolean enabled() {
		return this.token != null && !this.token.isBlank();
	}

	@Override
	public String toString() {
		return "AdminSettings[token=(hidden)]";
	}

}
