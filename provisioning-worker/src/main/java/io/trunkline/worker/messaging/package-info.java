/**
 * The worker's side of Kafka: the broker's health (the gateway declares the topics), and
 * the one failure policy of its listeners.
 */
package io.trunkline.worker.messaging;
