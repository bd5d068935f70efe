package io.trunkline.worker.voice;

import java.util.List;

/**
 * A trunk that exists on the voice infrastructure.
 *
 * @param id its id
 * @param direction inbound or outbound
 * @param metadata whatever its creator stored, Trunkline's marker for ours
 * @param numbers its numbers
 */
public record ExistingTrunk(String id, Direction direction, String metadata, List<String> numbers) {

	/**
	 * Which way a trunk carries calls.
	 */
	public enum Direction {

		INBOUND, OUTBOUND

	}

}
