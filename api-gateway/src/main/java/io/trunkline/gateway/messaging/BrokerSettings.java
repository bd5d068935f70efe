package io.trunkline.gateway.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway watches the Kafka broker. Nothing waits for the check: it only tells
 * the health endpoint, the {@code trunkline.kafka.up} gauge and the waiting creates
 * whether an outcome can come back.
 *
 * @param checkInterval how often the broker is checked
 * @param checkTimeout how long one check waits for the broker to describe its cluster
 */
@ConfigurationProperties("trunkline.kafka")
public record BrokerSettings(@DefaultValue("2s") Duration checkInterval, @DefaultValue("2s") Duration checkTimeout) {
}
