/**
 * The worker's side of Kafka: its topics, the broker's health, and the one failure policy
 * of its listeners.
 */
package io.trunkline.worker.messaging;
