package io.trunkline.gateway.account;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import java.util.UUID;

import io.trunkline.gateway.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap key is accepted once, survives restarts, and once revoked stays revoked
 * without stopping the gateway from starting.
 */
@RunningGateway
@ExtendWith(OutputCaptureExtension.class)
class AccountBootstrapIntegrationTests {

	@Autowired
	AccountRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void acceptsTheBootstrapKeyOnceAcrossRestarts() {
		String token = "tk_bootstrap_" + UUID.randomUUID();

		start(token);
		start(token);

		assertThat(this.registry.authenticate(token)).isPresent();
		assertThat(keysWithDigestOf(token)).isEqualTo(1);
	}

	@Test
	void keepsARevokedBootstrapKeyRevokedAndStillStarts(CapturedOutput output) {
		String token = "tk_bootstrap_" + UUID.randomUUID();
		start(token);
		this.jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE key_digest = ?")
			.param(AccountRegistry.digest(token))
			.update();

		start(token);

		assertThat(this.registry.authenticate(token)).isEmpty();
		assertThat(keysWithDigestOf(token)).isEqualTo(1);
		assertThat(output).contains("The configured bootstrap API key").contains("stays revoked").doesNotContain(token);
	}

	@Test
	void letsReplicasStartingTogetherShareOneBootstrapKey() {
		String token = "tk_bootstrap_" + UUID.randomUUID();
		String account = "bootstrap " + UUID.randomUUID();
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<OptionalLong>> replicas = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			replicas.add(CompletableFuture.supplyAsync(() -> {
				awaitQuietly(start);
				return this.registry.ensureKey(account, token);
			}));
		}

		start.countDown();

		assertThat(replicas.stream().map(CompletableFuture::join).distinct()).hasSize(1);
		assertThat(keysWithDigestOf(token)).isEqualTo(1);
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM accounts WHERE name = ?").param(account).query(Long.class).single())
			.isEqualTo(1);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Does what a gateway does at start-up with this bootstrap key configured. */
	private void start(String token) {
		new AccountBootstrap(new BootstrapSettings(token, "bootstrap demo"), this.registry).run(null);
	}

	private long keysWithDigestOf(String token) {
		return this.jdbc.sql("SELECT count(*) FROM api_keys WHERE key_digest = ?")
			.param(AccountRegistry.digest(token))
			.query(Long.class)
			.single();
	}

}
