/**
 * HTTP adapters of accounts: bearer-token authentication and the operators' admin
 * endpoint.
 */
package io.trunkline.gateway.account.web;
