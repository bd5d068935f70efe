package io.trunkline.worker.messaging;

import io.trunkline.schema.Topics;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one failure policy of the worker's listeners. LiveKit faults never reach it: the
 * provisioning service turns them into a committed outcome. What does reach it is
 * infrastructure trouble (the database unreachable, Kafka refusing the outcome): the
 * record is retried with exponential back-off for about a minute, then parked on the
 * dead-letter topic for an operator to replay. A record that cannot even be read goes
 * there at once. A request parked that way stays pending in the database, and the
 * stalled-request sweeper drives it again.
 */
@Configuration(proxyBeanMethods = false)
class FailurePolicy {

	@Bean
	DefaultErrorHandler provisioningErrorHandler(KafkaTemplate<String, String> kafka) {
		var recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.PROVISIONING_REQUESTS_DEAD_LETTER, -1));
		var backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		backOff.setMaxElapsedTime(60_000);
		var handler = new DefaultErrorHandler(recoverer, backOff);
		// A payload that cannot be read will never be readable: park it at once.
		handler.addNotRetryableExceptions(DeserializationException.class, JacksonException.class,
				IllegalArgumentException.class);
		return handler;
	}

}
