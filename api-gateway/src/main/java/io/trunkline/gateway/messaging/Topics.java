package io.trunkline.gateway.messaging;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import static io.trunkline.schema.Topics.PROVISIONING_OUTCOMES;
import static io.trunkline.schema.Topics.PROVISIONING_REQUESTS;
import static io.trunkline.schema.Topics.PROVISIONING_REQUESTS_DEAD_LETTER;

/**
 * Trunkline's topics, declared by the gateway alone so that their partition count has one
 * home: the requests it produces, the outcomes it consumes, and the worker's dead letters
 * (as many partitions as the requests, which the worker's dead-letter publisher relies on
 * by keeping a record's partition). Workers create no topics: one that starts before the
 * gateway's first check consumes as soon as they exist. {@link KafkaBroker} creates the
 * missing ones (and adds missing partitions) whenever it reaches the broker after not
 * having reached it, and leaves existing ones alone. They are not {@link KafkaAdmin}
 * beans: its creation while the context starts is off
 * ({@code spring.kafka.admin.auto-create}), as it would hold the start-up while the
 * broker is away.
 */
final class Topics {

	private Topics() {
	}

	static NewTopic[] declared(TopicSettings settings) {
		return new NewTopic[] { topic(PROVISIONING_REQUESTS, settings), topic(PROVISIONING_OUTCOMES, settings),
				topic(PROVISIONING_REQUESTS_DEAD_LETTER, settings) };
	}

	private static NewTopic topic(String name, TopicSettings settings) {
		return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicationFactor()).build();
	}

}
