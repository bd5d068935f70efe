package io.trunkline.livekit.standin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@Test
	void stripsFormattingAndAddsThePlus() {
		assertThat(PhoneNumbers.normalize("+1 (555) 010-0100")).isEqualTo("+15550100100");
		assertThat(PhoneNumbers.normalize("15550100")).isEqualTo("+15550100");
		assertThat(PhoneNumbers.normalize("+15550100")).isEqualTo("+15550100");
	}

	@Test
	void leavesWhatIsNotANumberAlone() {
		assertThat(PhoneNumbers.normalize("alice")).isEqualTo("alice");
		assertThat(PhoneNumbers.normalize("+1555.0100")).isEqualTo("+1555.0100");
		assertThat(PhoneNumbers.normalize("")).isEmpty();
	}

	@Test
	void comparesNumbersAsWrittenOrNormalised() {
		assertThat(PhoneNumbers.same("+1 555 0100", "15550100")).isTrue();
		assertThat(PhoneNumbers.same("alice", "alice")).isTrue();
		assertThat(PhoneNumbers.same("+15550100", "+15550101")).isFalse();
	}

}
