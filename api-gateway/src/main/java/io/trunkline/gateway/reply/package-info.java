/**
 * Request-reply: the HTTP requests waiting for their provisioning outcome, and the
 * consumer that delivers outcomes to the replica holding them.
 */
package io.trunkline.gateway.reply;
