package io.trunkline.gateway.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An API key as stored: only the SHA-256 digest of the bearer token, never the token
 * itself.
 *
 * @param id the key's id
 * @param accountId the account it authenticates
 * @param keyDigest hex SHA-256 of the token
 * @param label a label for operators
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, or {@code null}
 */
@Table("api_keys")
record ApiKey(@Id Long id, Long accountId, String keyDigest, String label, Instant createdAt, Instant revokedAt) {

	@Override
	public String toString() {
		return "ApiKey[id=" + this.id + ", accountId=" + this.accountId + ", label=" + this.label + "]";
	}

}
