package io.trunkline.gateway.outbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the outbox inside the caller's transaction. The event is published to
 * Kafka by the {@link OutboxRelay} only once that transaction has committed, and never if
 * it rolls back.
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
	 * Appends an event.
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
	 * Published inside the appending transaction; the relay acts on it after commit.
	 */
	record OutboxAppended() {
	}

}
