/**
 * The gateway's half of secret handling: it encrypts SIP passwords before they are stored
 * and never decrypts.
 */
package io.trunkline.gateway.secret;
