package io.trunkline.gateway.account;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The issued API keys.
 */
interface ApiKeys extends ListCrudRepository<ApiKey, Long> {

	Optional<ApiKey> findByKeyDigestAndRevokedAtIsNull(String keyDigest);

	/**
	 * @return the key with this digest, revoked or not
	 */
	Optional<ApiKey> findByKeyDigest(String keyDigest);

}
