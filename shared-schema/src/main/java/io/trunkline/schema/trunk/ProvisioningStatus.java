package io.trunkline.schema.trunk;

/**
 * Where a create request stands.
 */
public enum ProvisioningStatus {

	PENDING("pending"), PROVISIONED("provisioned"), FAILED("failed");

	private final String column;

	ProvisioningStatus(String column) {
		this.column = column;
	}

	public String column() {
		return this.column;
	}

	public static ProvisioningStatus fromColumn(String value) {
		for (ProvisioningStatus status : values()) {
			if (status.column.equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown provisioning status " + value);
	}

}
