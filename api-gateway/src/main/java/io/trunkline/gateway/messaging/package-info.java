/**
 * The gateway's side of Kafka: the topics it declares and whether it reaches the broker.
 */
package io.trunkline.gateway.messaging;
