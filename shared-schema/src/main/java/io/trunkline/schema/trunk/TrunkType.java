package io.trunkline.schema.trunk;

/**
 * What {@code phone_number} holds: a PBX extension or a DID in E.164.
 */
public enum TrunkType {

	EXTENSION("extension"), NUMBER("number");

	private final String wire;

	TrunkType(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

	public static TrunkType fromWire(String value) {
		for (TrunkType type : values()) {
			if (type.wire.equals(value)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown sip_trunk_type");
	}

}
