package io.trunkline.gateway.outbox;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the outbox atomically with the change they announce: inside the
 * caller's transaction, or in the very statement that makes the change. The
 * {@link OutboxRelay} publishes an event to Kafka only once it is committed, and never if
 * it is rolled back.
 */
@Component
public class Outbox {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Outbox(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Appends an event inside the caller's transaction.
	 * @param topic the Kafka topic
	 * @param key the record key: events of one aggregate share it, so they stay in order
	 * @param type the event's type, sent as a header
	 * @param payload the JSON payload, which must carry no secret
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String topic, String key, String type, String payload) {
		this.jdbc.sql("INSERT INTO outbox_events (topic, event_key, event_type, payload) VALUES (?, ?, ?, ?)")
			.params(topic, key, type, payload)
			.update();
		this.events.publishEvent(new OutboxAppended());
	}

	/**
	 * Makes a change and appends its event in one statement, so in one round trip and
	 * without an explicit transaction: the event is appended once for each row the change
	 * returns, none when it returns none.
	 * @param change a data-modifying common table expression named {@code change}, e.g.
	 * {@code WITH change AS (INSERT ... ON CONFLICT DO NOTHING RETURNING id)}
	 * @param parameters the named parameters of {@code change}; names starting with
	 * {@code outbox_} are taken
	 * @param topic the Kafka topic
	 * @param key the record key
	 * @param type the event's type, sent as a header
	 * @param payload the JSON payload, which must carry no secret
	 * @return how many events were appended: the rows {@code change} returned
	 */
	public int appendWith(String change, Map<String, ?> parameters, String topic, String key, String type,
			String payload) {
		int appended = this.jdbc.sql(change + """

				INSERT INTO outbox_events (topic, event_key, event_type, payload)
				SELECT :outbox_topic, :outbox_key, :outbox_type, :outbox_payload FROM change
				""")
			.params(parameters)
			.param("outbox_topic", topic)
			.param("outbox_key", key)
			.param("outbox_type", type)
			.param("outbox_payload", payload)
			.update();
		if (appended > 0) {
			// Inside a transaction the relay acts after its commit; outside one, the
			// statement has committed and the relay acts now.
			this.events.publishEvent(new OutboxAppended());
		}
		return appended;
	}

	/**
	 * Published when events were appended; the relay acts on it once they are committed.
	 */
	record OutboxAppended() {
	}

}
