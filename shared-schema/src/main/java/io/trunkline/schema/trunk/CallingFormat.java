package io.trunkline.schema.trunk;

/**
 * How the trunk's number is written on outbound calls.
 */
public enum CallingFormat {

	/** International with a leading plus, e.g. {@code +12025550123}. */
	PLUS_E164("+e164"),
	/** International without the plus, e.g. {@code 12025550123}. */
	E164("e164"),
	/** National, without the country code, e.g. {@code 0741926265}. */
	NATIONAL("national");

	private final String wire;

	CallingFormat(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

	public static CallingFormat fromWire(String value) {
		for (CallingFormat format : values()) {
			if (format.wire.equals(value)) {
				return format;
			}
		}
		throw new IllegalArgumentException("Unknown sip_calling_format");
	}

}
