/**
 * The trunk as its owner defined it ({@link io.trunkline.schema.trunk.TrunkDefinition})
 * and its enumerated fields as the API spells them and the database stores them, read by
 * the gateway when it validates a create and by the worker when it provisions the claimed
 * request.
 */
package io.trunkline.schema.trunk;
