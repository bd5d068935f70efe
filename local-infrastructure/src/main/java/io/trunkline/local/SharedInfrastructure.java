package io.trunkline.local;

import io.trunkline.local.kafka.LocalKafka;
import io.trunkline.local.postgres.LocalPostgres;

/**
 * One PostgreSQL and one Kafka broker per JVM, started on first use and stopped at exit,
 * so that every Spring context of a test run shares them instead of paying their start-up
 * again.
 */
public final class SharedInfrastructure {

	private static LocalPostgres postgres;

	private static LocalKafka kafka;

	private SharedInfrastructure() {
	}

	/**
	 * @return the JVM's PostgreSQL, started if needed
	 */
	public static synchronized LocalPostgres postgres() {
		if (postgres == null) {
			postgres = LocalPostgres.start(0, "trunkline");
			Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-embedded-postgres"));
		}
		return postgres;
	}

	/**
	 * @return the JVM's Kafka broker, started if needed
	 */
	public static synchronized LocalKafka kafka() {
		if (kafka == null) {
			kafka = LocalKafka.start();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-embedded-kafka"));
		}
		return kafka;
	}

}
