package io.trunkline.gateway.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Kafka topics are declared. Partitions bound how many workers consume in
 * parallel; raise them to scale out (they can grow, never shrink).
 *
 * @param partitions partitions of each topic
 * @param replicationFactor replicas of each partition (3 in production, 1 on one machine)
 */
@ConfigurationProperties("trunkline.topics")
public record TopicSettings(@DefaultValue("12") int partitions, @DefaultValue("1") short replicationFactor) {
}
