/**
 * The events of trunk provisioning: the command that starts it and the outcomes that end
 * it.
 */
package io.trunkline.schema.provisioning;
