/**
 * The at-rest format of secrets (SIP passwords): AES-256-GCM with a key id beside each
 * ciphertext so keys rotate.
 */
package io.trunkline.schema.secret;
