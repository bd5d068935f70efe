package io.trunkline.worker.voice;

import java.util.List;
import java.util.Map;

/**
 * An outbound trunk to create: where calls go and how they authenticate.
 *
 * @param name a label
 * @param metadata Trunkline's marker, to find the trunk again
 * @param address the SIP server (or the fixed-IP proxy)
 * @param numbers the caller numbers used on outbound calls, in the trunk's calling format
 * @param authUsername the digest username
 * @param authPassword the digest password; never printed
 * @param destinationCountry ISO 3166-1 alpha-2
 * @param headers SIP headers added to outbound INVITEs
 */
public record OutboundTrunk(String name, String metadata, String address, List<String> numbers, String authUsername,
		String authPassword, String destinationCountry, Map<String, String> headers) {

	@Override
	public String toString() {
		return "OutboundTrunk[name=" + this.name + ", address=" + this.address + ", numbers=" + this.numbers
				+ ", authUsername=" + this.authUsername + ", destinationCountry=" + this.destinationCountry + "]";
	}

}
