package io.trunkline.gateway.account;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Accepts the configured bootstrap API key at start-up.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

	private final BootstrapSettings settings;

	private final AccountRegistry registry;

	AccountBootstrap(BootstrapSettings settings, AccountRegistry registry) {
		this.settings = settings;
		this.registry = registry;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.settings.apiKey() != null && !this.settings.apiKey().isBlank()) {
			this.registry.ensureKey(this.settings.accountName(), this.settings.apiKey());
		}
	}

}
