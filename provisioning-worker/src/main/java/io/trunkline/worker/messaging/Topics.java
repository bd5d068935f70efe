package io.trunkline.worker.messaging;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import static io.trunkline.schema.Topics.PROVISIONING_OUTCOMES;
import static io.trunkline.schema.Topics.PROVISIONING_REQUESTS;
import static io.trunkline.schema.Topics.PROVISIONING_REQUESTS_DEAD_LETTER;

/**
 * Declares the topics the worker consumes from and produces to; {@link KafkaAdmin}
 * creates the missing ones.
 */
@Configuration(proxyBeanMethods = false)
class Topics {

	@Bean
	KafkaAdmin.NewTopics workerTopics(TopicSettings settings) {
		return new KafkaAdmin.NewTopics(topic(PROVISIONING_REQUESTS, settings), topic(PROVISIONING_OUTCOMES, settings),
				topic(PROVISIONING_REQUESTS_DEAD_LETTER, settings));
	}

	private static NewTopic topic(String name, TopicSettings settings) {
		return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicationFactor()).build();
	}

}
