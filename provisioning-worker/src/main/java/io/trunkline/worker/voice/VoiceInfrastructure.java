package io.trunkline.worker.voice;

import java.util.List;

/**
 * The SIP trunk operations Trunkline needs from the voice infrastructure. Every method
 * may throw {@link VoiceInfrastructureUnavailable} (worth retrying),
 * {@link VoiceInfrastructureRejected} (permanent) or
 * {@link VoiceInfrastructureMisconfigured} (our credentials are wrong). Creates are not
 * idempotent.
 */
public interface VoiceInfrastructure {

	/**
	 * @param trunk the inbound trunk to create
	 * @return its id
	 */
	String createInboundTrunk(InboundTrunk trunk);

	/**
	 * @param trunk the outbound trunk to create
	 * @return its id
	 */
	String createOutboundTrunk(OutboundTrunk trunk);

	/**
	 * @param number a number the trunks answer or call from
	 * @return the inbound trunks with that number
	 */
	List<ExistingTrunk> findInboundTrunks(String number);

	/**
	 * @param number a number the trunks call from
	 * @return the outbound trunks with that number
	 */
	List<ExistingTrunk> findOutboundTrunks(String number);

	/**
	 * @return every inbound and outbound trunk of the project
	 */
	List<ExistingTrunk> listTrunks();

	/**
	 * Deletes a trunk of either direction; deleting one that does not exist succeeds.
	 * @param trunkId the trunk
	 */
	void deleteTrunk(String trunkId);

}
