package io.trunkline.gateway.trunk;

import java.util.Objects;

import io.trunkline.schema.trunk.TrunkDefinition;

/**
 * Command: create a SIP trunk. Built only by {@link CreateTrunkRules} from a body that
 * passed every rule, so its values are already normalised (E.164 number, upper-case
 * country, lower-case host).
 *
 * @param trunk the trunk as the caller defined it
 * @param sipPassword the SIP password; never logged, never returned, encrypted before it
 * is stored
 */
public record CreateTrunk(TrunkDefinition trunk, String sipPassword) {

	public CreateTrunk {
		Objects.requireNonNull(trunk, "trunk");
		Objects.requireNonNull(sipPassword, "sipPassword");
	}

	@Override
	public String toString() {
		return "CreateTrunk[type=" + this.trunk.type() + ", phoneNumber=" + this.trunk.phoneNumber() + ", sipUsername="
				+ this.trunk.sipUsername() + ", sipAddress=" + this.trunk.sipAddress() + ", sipPassword=(hidden)]";
	}

}
