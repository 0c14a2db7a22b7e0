package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class RegionTreeFullTests {

	@Autowired
	Regions regions;

	@Test
	void loadsWholeCountry() {
		assertThat(regions.loadStatus().loaded()).isEqualTo(665_276);
		Region country = regions.get(RegionCode.COUNTRY);
		assertThat(country.childCount()).isEqualTo(31);
		assertThat(country.villages()).isEqualTo(620_573);
	}

}
