package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionTests {

	static final Region COUNTRY = new Region(RegionCode.COUNTRY, "全国", RegionLevel.COUNTRY, null, 31, 342, 2_978,
			41_352, 620_573);

	static final Region NMG = new Region(new RegionCode("15"), "内蒙古自治区", RegionLevel.PROVINCE, RegionCode.COUNTRY, 12,
			12, 108, 1_225, 14_592);

	@Test
	void theCountryCountsItsProvinces() {
		assertThat(COUNTRY.descendantsAt(RegionLevel.PROVINCE)).isEqualTo(31);
		assertThat(COUNTRY.descendantsAt(RegionLevel.VILLAGE)).isEqualTo(620_573);
	}

	@Test
	void levelsAtOrAboveTheRegionCountNothing() {
		assertThat(NMG.descendantsAt(RegionLevel.PROVINCE)).isZero();
		assertThat(NMG.descendantsAt(RegionLevel.COUNTRY)).isZero();
		assertThat(NMG.descendantsAt(RegionLevel.PREFECTURE)).isEqualTo(12);
		assertThat(COUNTRY.descendantsAt(RegionLevel.COUNTRY)).isZero();
	}

}
