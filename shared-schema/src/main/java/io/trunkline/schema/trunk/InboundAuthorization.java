package io.trunkline.schema.trunk;

/**
 * How inbound calls are authenticated: digest credentials or source addresses.
 */
public enum InboundAuthorization {

	AUTH("auth"), IP("ip");

	private final String wire;

	InboundAuthorization(String wire) {
		this.wire = wire;
	}

	public String wire() {
		return this.wire;
	}

	public static InboundAuthorization fromWire(String value) {
		for (InboundAuthorization type : values()) {
			if (type.wire.equals(value)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown inbound_authorization_type");
	}

}
