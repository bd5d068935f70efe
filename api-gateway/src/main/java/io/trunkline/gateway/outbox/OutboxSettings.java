package io.trunkline.gateway.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the relay drains the outbox. The relay is woken after every commit that wrote an
 * event, so the poll interval only bounds how long an event missed by a crash waits.
 *
 * @param pollInterval how often the relay looks for events nobody woke it for
 * @param batchSize the most events claimed and published in one transaction
 * @param sendTimeout how long the relay waits for the broker's acknowledgement of a batch
 */
@ConfigurationProperties("trunkline.outbox")
public record OutboxSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("200") int batchSize,
		@DefaultValue("10s") Duration sendTimeout) {
}
