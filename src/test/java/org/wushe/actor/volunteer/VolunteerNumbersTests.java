package org.wushe.actor.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wushe.region.RegionCode;

class VolunteerNumbersTests {

	@Test
	void padsTheSequenceToEightDigitsAfterTheCountyPrefix() {
		assertThat(VolunteerNumbers.format("150102", 42)).isEqualTo("15010200000042");
		assertThat(VolunteerNumbers.format("150102", 12_345_678)).isEqualTo("15010212345678");
		assertThat(VolunteerNumbers.format(VolunteerNumbers.prefix(RegionCode.parse("150102001")), 1))
			.isEqualTo("15010200000001");
	}

}
