/**
 * A real Kafka broker in KRaft mode, in-process.
 */
package io.trunkline.local.kafka;
