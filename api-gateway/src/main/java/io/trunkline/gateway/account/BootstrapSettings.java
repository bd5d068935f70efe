package io.trunkline.gateway.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An API key accepted from the first start, for the local stack and demos.
 *
 * @param apiKey the bearer token to accept, or blank for none (from
 * {@code TRUNKLINE_BOOTSTRAP_API_KEY})
 * @param accountName the account it authenticates, opened if missing
 */
@ConfigurationProperties("trunkline.bootstrap")
record BootstrapSettings(String apiKey, @DefaultValue("demo") String accountName) {
}
