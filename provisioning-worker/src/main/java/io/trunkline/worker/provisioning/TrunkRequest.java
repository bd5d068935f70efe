package io.trunkline.worker.provisioning;

import java.util.List;
import java.util.UUID;

import io.trunkline.schema.secret.EncryptedSecret;
import io.trunkline.schema.trunk.CallingFormat;
import io.trunkline.schema.trunk.InboundAuthorization;
import io.trunkline.schema.trunk.TrunkType;

/**
 * A pending request as the worker claimed it.
 *
 * @param id the request
 * @param accountId the owning account
 * @param trunkType an extension or a number
 * @param phoneNumber the extension or E.164 number
 * @param nickname the label, or {@code null}
 * @param sipUsername the SIP username
 * @param sipPassword the encrypted SIP password
 * @param sipAddress the SIP server
 * @param callingFormat how the outbound trunk writes the number
 * @param inboundAuthorization credentials or source addresses
 * @param allowedInboundIps the allowed addresses when authorised by address
 * @param outboundProxy whether outbound calls go through the fixed-IP proxy
 * @param countryCode ISO 3166-1 alpha-2
 * @param attempts how many times a worker has claimed it, this claim included: the
 * claim's fencing token, which its commit or failure names so that it changes nothing
 * once a later claim has taken the request over
 * @param giveUpReason why this claim gives the request up instead of provisioning it
 * ({@code attempts_exhausted}, {@code expired}), or {@code null} when it provisions it
 */
record TrunkRequest(UUID id, long accountId, TrunkType trunkType, String phoneNumber, String nickname,
		String sipUsername, EncryptedSecret sipPassword, String sipAddress, CallingFormat callingFormat,
		InboundAuthorization inboundAuthorization, List<String> allowedInboundIps, boolean outboundProxy,
		String countryCode, int attempts, String giveUpReason) {

	boolean isExtension() {
		return this.trunkType == TrunkType.EXTENSION;
	}

	boolean ipAuthenticated() {
		return this.inboundAuthorization == InboundAuthorization.IP;
	}

	/**
	 * @return whether an earlier claim may already have created trunks for this request
	 */
	boolean triedBefore() {
		return this.attempts > 1;
	}

}
