package io.trunkline.worker.provisioning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.trunkline.local.postgres.LocalPostgres;
import io.trunkline.schema.secret.EncryptedSecret;
import io.trunkline.schema.secret.SecretCipher;
import org.flywaydb.core.Flyway;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL with Trunkline's schema, shared by the provisioning tests of one JVM,
 * and the pending requests they provision.
 */
final class ProvisioningDatabase {

	private static ProvisioningDatabase shared;

	private static final AtomicInteger extensions = new AtomicInteger(1000);

	final JdbcClient jdbc;

	final SecretCipher cipher = SecretCipher.fromKeyRing(SecretCipher.randomKeyRing());

	private final long account;

	private ProvisioningDatabase(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.account = jdbc.sql("INSERT INTO accounts (name) VALUES ('provisioning tests') RETURNING id")
			.query(Long.class)
			.single();
	}

	static synchronized ProvisioningDatabase shared() {
		if (shared == null) {
			LocalPostgres postgres = LocalPostgres.start(0, "trunkline");
			HikariDataSource dataSource = DataSourceBuilder.create()
				.type(HikariDataSource.class)
				.url(postgres.jdbcUrl() + "?currentSchema=trunkline")
				.username(postgres.username())
				.password("")
				.build();
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/trunkline")
				.schemas("trunkline")
				.defaultSchema("trunkline")
				.load()
				.migrate();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				dataSource.close();
				postgres.close();
			}));
			shared = new ProvisioningDatabase(JdbcClient.create(dataSource));
		}
		return shared;
	}

	long account() {
		return this.account;
	}

	/**
	 * @return the marker an attempt at the request writes into its LiveKit trunks
	 */
	String markerOf(UUID requestId) {
		return Marker.of("trunkline", requestId, this.account);
	}

	/**
	 * @return when the request's lease ends
	 */
	Instant leaseUntil(UUID requestId) {
		return this.jdbc.sql("SELECT lease_until FROM provisioning_requests WHERE id = ?")
			.param(requestId)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	/**
	 * @return whether the database's clock has passed the instant
	 */
	boolean hasPassed(Instant instant) {
		return this.jdbc.sql("SELECT now() > ?").param(Timestamp.from(instant)).query(Boolean.class).single();
	}

	/**
	 * Runs a statement on the requests, to put one in the state a test starts from.
	 */
	void update(String sql, UUID requestId) {
		this.jdbc.sql(sql).param(requestId).update();
	}

	/**
	 * @return an extension no other request of these tests uses
	 */
	static String nextExtension() {
		return Integer.toString(extensions.incrementAndGet());
	}

	/**
	 * Records a create as the gateway does: a pending extension trunk, unclaimed.
	 * @param extension its extension
	 * @return the request's id
	 */
	UUID pendingRequest(String extension) {
		UUID id = UUID.randomUUID();
		EncryptedSecret password = this.cipher.encrypt("s3cret-s3cret", id.toString());
		this.jdbc.sql("""
				INSERT INTO provisioning_requests (id, account_id, status, sip_trunk_type, phone_number, nickname,
				    sip_username, sip_password_key_id, sip_password_ciphertext, sip_address, sip_calling_format,
				    inbound_authorization_type, outbound_proxy, country_code)
				VALUES (?, ?, 'pending', 'extension', ?, 'Provider X', 'myuser', ?, ?, 'sip.provider.com', '+e164',
				    'auth', false, 'US')
				""").params(id, this.account, extension, password.keyId(), password.ciphertext()).update();
		return id;
	}

	/**
	 * Ends a request's lease now, as if the worker holding it had stopped renewing it (it
	 * died, or paused for longer than a lease).
	 */
	void expireLease(UUID requestId) {
		this.jdbc.sql("UPDATE provisioning_requests SET lease_until = now() - interval '1 second' WHERE id = ?")
			.param(requestId)
			.update();
	}

	String status(UUID requestId) {
		return column(requestId, "status", String.class);
	}

	int attempts(UUID requestId) {
		return column(requestId, "attempts", Integer.class);
	}

	String failureReason(UUID requestId) {
		return column(requestId, "failure_reason", String.class);
	}

	String history(UUID requestId) {
		return column(requestId, "attempt_history::text", String.class);
	}

	private <T> T column(UUID requestId, String column, Class<T> type) {
		return this.jdbc.sql("SELECT " + column + " FROM provisioning_requests WHERE id = ?")
			.param(requestId)
			.query(type)
			.single();
	}

	/**
	 * @return the committed trunks of a request, each as its inbound and outbound LiveKit
	 * trunk ids
	 */
	List<List<String>> committedTrunks(UUID requestId) {
		return this.jdbc.sql("SELECT inbound_trunk_id, outbound_trunk_id FROM sip_trunks WHERE request_id = ?")
			.param(requestId)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
			.list();
	}

}
