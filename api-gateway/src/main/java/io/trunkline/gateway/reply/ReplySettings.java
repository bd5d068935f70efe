package io.trunkline.gateway.reply;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a create waits for its outcome before it is answered {@code 202 Accepted} with
 * a status resource.
 *
 * @param timeout the longest a create request waits for its outcome
 * @param retryAfter the {@code Retry-After} advised with a 202
 */
@ConfigurationProperties("trunkline.reply")
public record ReplySettings(@DefaultValue("25s") Duration timeout, @DefaultValue("1s") Duration retryAfter) {
}
