/**
 * The contracts shared by Trunkline's services: Kafka topics and events, and the database
 * schema.
 */
package io.trunkline.schema;
