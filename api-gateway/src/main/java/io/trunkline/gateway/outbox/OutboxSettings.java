package io.trunkline.gateway.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the relay drains the outbox. The relay is woken after every commit that wrote an
 * event, so the poll interval only bounds how long an event missed by a crash waits.
 *
 * @param pollInterval how often the relay looks for events nobody woke it for, and its
 * first back-off after a failure
 * @param batchSize the most events claimed and published at once
 * @param claim how long claimed events stay the claiming relay's own: another relay (or
 * this one) claims them again only after it. It must outlast the longest a send can take
 * to be acknowledged or to fail (the producer's {@code max.block.ms} plus
 * {@code delivery.timeout.ms}, checked at start-up), so that no relay sends an event
 * again while an earlier send of it may still be delivered. Only a relay that stopped
 * lets a claim run out.
 * @param maxBackoff the longest the relay waits before trying again after failures in a
 * row (the wait doubles from {@code pollInterval} up to it)
 */
@ConfigurationProperties("trunkline.outbox")
public record OutboxSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("200") int batchSize,
		@DefaultValue("60s") Duration claim, @DefaultValue("30s") Duration maxBackoff) {
}
