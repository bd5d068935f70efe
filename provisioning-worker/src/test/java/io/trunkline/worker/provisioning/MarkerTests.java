package io.trunkline.worker.provisioning;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trunkline's marker in a LiveKit trunk's metadata: the wire format stays what trunks on
 * LiveKit already carry, and only this installation's marker names a request.
 */
class MarkerTests {

	static final UUID REQUEST = UUID.fromString("4b42a948-f6c6-4ae9-ba62-45619b591b38");

	@Test
	void writesTheInstallationTheRequestAndTheAccountInThatOrder() {
		String marker = Marker.of("acme", REQUEST, 7);

		assertThat(marker).isEqualTo("{\"trunkline\":\"acme\",\"request\":\"" + REQUEST + "\",\"account\":7}");
	}

	@Test
	void readsTheRequestOfAMarkerThatATrunkAlreadyCarries() {
		String carried = "{\"trunkline\":\"trunkline-local\",\"request\":\"4b42a948-f6c6-4ae9-ba62-45619b591b38\","
				+ "\"account\":12}";

		assertThat(Marker.requestOf("trunkline-local", carried)).contains(REQUEST);
	}

	@Test
	void readsBackWhatItWrote() {
		String marker = Marker.of("acme \\ east", REQUEST, 7);

		assertThat(Marker.requestOf("acme \\ east", marker)).contains(REQUEST);
	}

	@Test
	void readsAMarkerWhateverItsSpacingAndTheOrderOfItsProperties() {
		String marker = "{ \"account\": 7, \"request\": \"" + REQUEST + "\", \"trunkline\": \"acme\" }";

		assertThat(Marker.requestOf("acme", marker)).contains(REQUEST);
	}

	@Test
	void namesNoRequestForAnotherInstallationsMarker() {
		String theirs = Marker.of("another-installation", REQUEST, 7);

		assertThat(Marker.requestOf("acme", theirs)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "not json", "[]", "\"acme\"", "{\"someone\":\"else\"}",
			"{\"trunkline\":\"acme\",\"request\":\"4b42a948-f6c6-4ae9-ba62-45619b591b38\"}",
			"{\"trunkline\":\"acme\",\"request\":\"4b42a948-f6c6-4ae9-ba62-45619b591b38\",\"account\":\"7\"}",
			"{\"trunkline\":\"acme\",\"request\":\"not-a-request-not-a-request-not-a-re\",\"account\":7}",
			"{\"trunkline\":\"acme\",\"request\":\"1-1-1-1-1\",\"account\":7}",
			"{\"trunkline\":\"acme\",\"request\":7,\"account\":7}",
			"{\"trunkline\":[\"acme\"],\"request\":\"4b42a948-f6c6-4ae9-ba62-45619b591b38\",\"account\":7}",
			"{\"trunkline\":\"acme\",\"request\":\"4b42a948-f6c6-4ae9-ba62-45619b591b38\",\"account\":7,\"more\":1}" })
	void namesNoRequestForMetadataThatIsNotAMarker(String metadata) {
		assertThat(Marker.requestOf("acme", metadata)).isEmpty();
	}

}
