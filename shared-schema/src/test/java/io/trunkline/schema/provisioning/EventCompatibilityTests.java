package io.trunkline.schema.provisioning;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads written by released versions must stay readable: changes to the events are
 * additive. The JSON literals here are version 1 payloads exactly as they travel; never
 * edit them, add new ones.
 */
class EventCompatibilityTests {

	// The services read with their Boot-configured mapper, which ignores unknown
	// properties.
	final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	@Test
	void readsAVersionOneProvisionTrunkCommand() {
		String v1 = """
				{"schemaVersion":1,"requestId":"4b42a948-f6c6-4ae9-ba62-45619b591b38","accountId":7,
				 "requestedAt":"2026-03-31T10:00:00Z"}
				""";

		ProvisionTrunk command = this.json.readValue(v1, ProvisionTrunk.class);

		assertThat(command.requestId()).isEqualTo(UUID.fromString("4b42a948-f6c6-4ae9-ba62-45619b591b38"));
		assertThat(command.accountId()).isEqualTo(7);
		assertThat(command.requestedAt()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
	}

	@Test
	void toleratesFieldsAddedByANewerProducer() {
		ProvisionTrunk command = this.json.readValue("""
				{"schemaVersion":2,"requestId":"4b42a948-f6c6-4ae9-ba62-45619b591b38","accountId":7,
				 "requestedAt":"2026-03-31T10:00:00Z","priority":"bulk"}
				""", ProvisionTrunk.class);

		assertThat(command.accountId()).isEqualTo(7);
	}

	@Test
	void readsVersionOneOutcomesAsTheirSealedTypes() {
		String provisioned = """
				{"type":"TrunkProvisioned","schemaVersion":1,"requestId":"4b42a948-f6c6-4ae9-ba62-45619b591b38",
				 "accountId":7,"trunkId":42,"inboundTrunkId":"ST_xxxxxxxxxxxx","outboundTrunkId":"ST_yyyyyyyyyyyy",
				 "occurredAt":"2026-03-31T10:00:00Z"}
				""";
		String failed = """
				{"type":"TrunkProvisioningFailed","schemaVersion":1,"requestId":"4b42a948-f6c6-4ae9-ba62-45619b591b38",
				 "accountId":7,"reason":"voice_infrastructure_rejected","occurredAt":"2026-03-31T10:00:00Z"}
				""";

		ProvisioningOutcome first = this.json.readValue(provisioned, ProvisioningOutcome.class);
		ProvisioningOutcome second = this.json.readValue(failed, ProvisioningOutcome.class);

		assertThat(first).isInstanceOfSatisfying(TrunkProvisioned.class, (t) -> {
			assertThat(t.trunkId()).isEqualTo(42);
			assertThat(t.outboundTrunkId()).isEqualTo("ST_yyyyyyyyyyyy");
		});
		assertThat(second).isInstanceOfSatisfying(TrunkProvisioningFailed.class,
				(f) -> assertThat(f.reason()).isEqualTo("voice_infrastructure_rejected"));
	}

	@Test
	void writesTheTypeOfAnOutcome() {
		ProvisioningOutcome outcome = TrunkProvisioningFailed.of(UUID.randomUUID(), 7, "voice_infrastructure_busy",
				Instant.parse("2026-03-31T10:00:00Z"));

		String written = this.json.writerFor(ProvisioningOutcome.class).writeValueAsString(outcome);

		assertThat(written).contains("\"type\":\"TrunkProvisioningFailed\"").contains("\"schemaVersion\":1");
	}

}
