package io.trunkline.worker.provisioning;

import java.util.UUID;

import io.trunkline.schema.secret.EncryptedSecret;
import io.trunkline.schema.trunk.TrunkDefinition;

/**
 * A pending request as the worker claimed it.
 *
 * @param id the request
 * @param accountId the owning account
 * @param trunk the trunk to provision, as its owner defined it
 * @param sipPassword the encrypted SIP password
 * @param attempts how many times a worker has claimed it, this claim included: the
 * claim's fencing token, which its commit or failure names so that it changes nothing
 * once a later claim has taken the request over
 * @param giveUpReason why this claim gives the request up instead of provisioning it
 * ({@code attempts_exhausted}, {@code expired}), or {@code null} when it provisions it
 */
record TrunkRequest(UUID id, long accountId, TrunkDefinition trunk, EncryptedSecret sipPassword, int attempts,
		String giveUpReason) {

	/**
	 * @return whether an earlier claim may already have created trunks for this request
	 */
	boolean triedBefore() {
		return this.attempts > 1;
	}

}
