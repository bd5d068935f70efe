/**
 * The transactional outbox: events committed with the state they announce, relayed to
 * Kafka promptly and at least once.
 */
package io.trunkline.gateway.outbox;
