package io.trunkline.gateway.reply;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How creates wait for their outcome.
 *
 * @param timeout the longest a create request waits for its outcome before it is answered
 * {@code 202 Accepted} with a status resource
 * @param retryAfter the {@code Retry-After} advised with a 202
 * @param maxWaiting the most creates that wait on one replica at a time; past it a create
 * is answered {@code 202} at once, as with {@code Prefer: respond-async}. Each waiting
 * create holds an open connection and its buffers (tens of kilobytes): under a load past
 * what the pipeline commits, an unbounded number of them fills the heap.
 */
@ConfigurationProperties("trunkline.reply")
public record ReplySettings(@DefaultValue("25s") Duration timeout, @DefaultValue("1s") Duration retryAfter,
		@DefaultValue("1000") int maxWaiting) {
}
