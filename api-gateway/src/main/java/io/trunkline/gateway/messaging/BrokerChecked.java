package io.trunkline.gateway.messaging;

/**
 * Published after every check of the broker, on the checking thread.
 *
 * @param reachable whether the broker answered, and the gateway's topics exist
 */
public record BrokerChecked(boolean reachable) {
}
