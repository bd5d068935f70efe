/**
 * Accounts and their API keys: who is calling, and which trunks they may see.
 */
package io.trunkline.gateway.account;
