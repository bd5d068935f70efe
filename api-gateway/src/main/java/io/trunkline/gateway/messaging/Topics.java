package io.trunkline.gateway.messaging;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import static io.trunkline.schema.Topics.PROVISIONING_OUTCOMES;
import static io.trunkline.schema.Topics.PROVISIONING_REQUESTS;

/**
 * Declares the topics the gateway produces to and consumes from; {@link KafkaAdmin}
 * creates the missing ones at start-up and leaves existing ones alone.
 */
@Configuration(proxyBeanMethods = false)
class Topics {

	@Bean
	KafkaAdmin.NewTopics gatewayTopics(TopicSettings settings) {
		return new KafkaAdmin.NewTopics(topic(PROVISIONING_REQUESTS, settings), topic(PROVISIONING_OUTCOMES, settings));
	}

	private static NewTopic topic(String name, TopicSettings settings) {
		return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicationFactor()).build();
	}

}
