/**
 * The worker's half of secret handling: it alone decrypts SIP passwords, only to call
 * LiveKit.
 */
package io.trunkline.worker.secret;
