/**
 * The gateway's side of Kafka: the topics it declares and the broker's health.
 */
package io.trunkline.gateway.messaging;
