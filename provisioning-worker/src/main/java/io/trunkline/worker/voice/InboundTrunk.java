package io.trunkline.worker.voice;

import java.util.List;

/**
 * An inbound trunk to create: which called numbers it answers and how callers
 * authenticate.
 *
 * @param name a label
 * @param metadata Trunkline's marker, to find the trunk again
 * @param numbers the numbers it answers
 * @param allowedAddresses source addresses or ranges allowed to call, empty for digest
 * authentication
 * @param authUsername the digest username, or empty
 * @param authPassword the digest password, or empty; never printed
 */
public record InboundTrunk(String name, String metadata, List<String> numbers, List<String> allowedAddresses,
		String authUsername, String authPassword) {

	@Override
	public String toString() {
		return "InboundTrunk[name=" + this.name + ", numbers=" + this.numbers + ", allowedAddresses="
				+ this.allowedAddresses + ", authUsername=" + this.authUsername + "]";
	}

}
