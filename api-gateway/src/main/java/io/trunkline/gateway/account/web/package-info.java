/**
 * HTTP adapters of accounts: authentication on the handler Spring MVC matched (an
 * account's API key or the operators' admin token) and the operators' account endpoint.
 */
package io.trunkline.gateway.account.web;
