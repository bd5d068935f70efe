package io.trunkline.gateway.account;

/**
 * A freshly issued API key: the only moment the token exists in clear.
 *
 * @param accountId the account it authenticates
 * @param token the bearer token to hand to the customer once
 */
public record IssuedKey(long accountId, String token) {

	@Override
	public String toString() {
		return "IssuedKey[accountId=" + this.accountId + ", token=(hidden)]";
	}

}
