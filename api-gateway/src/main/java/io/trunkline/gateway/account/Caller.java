package io.trunkline.gateway.account;

/**
 * The authenticated account behind a request. Controllers take it as a parameter; it only
 * exists for requests that presented a valid API key.
 *
 * @param accountId the caller's account
 */
public record Caller(long accountId) {
}
