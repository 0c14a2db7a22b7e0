package org.wushe.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.actor.volunteer.VolunteerInput;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;

/** Looking up many volunteers at once: the same entries as one by one, within the caller's scope only. */
@IntegrationTest
class VolunteerDirectoryBatchTests {

	static final RegionScope ALL = new RegionScope(RegionCode.COUNTRY);

	@Autowired
	VolunteerDirectory directory;

	@Autowired
	VolunteerService volunteers;

	long register(String village, String name) {
		return volunteers.register(new VolunteerInput(name, ActorTestData.idNumber(village.substring(0, 6)), null,
				village, List.of(), List.of(), "ACTIVE"), ALL).id();
	}

	@Test
	void findsManyAtOnceWithinTheScopeOnly() {
		long inside = register("150102001001", "其木格");
		long elsewhere = register("150203001015", "巴特尔");
		RegionScope county = new RegionScope(RegionCode.parse("150102"));

		Map<Long, VolunteerDirectory.Entry> found = directory.findAll(county, List.of(inside, elsewhere, -7L, inside));

		assertThat(found).containsOnlyKeys(inside);
		assertThat(found.get(inside)).isEqualTo(directory.find(county, inside).orElseThrow());
		assertThat(found.get(inside).maskedIdNumber()).contains("*");
		assertThat(directory.findAll(ALL, List.of(inside, elsewhere))).containsOnlyKeys(inside, elsewhere);
		assertThat(directory.findAll(county, List.of())).isEmpty();
	}

	@Test
	void looksUpMoreIdsThanOneStatementTakes() {
		long first = register("150102001001", "娜仁");
		List<Long> ids = new ArrayList<>();
		for (long i = 1; i <= 2_500; i++) {
			ids.add(-i);
		}
		long last = register("150102001001", "图雅");
		ids.add(0, first);
		ids.add(last);

		assertThat(directory.findAll(ALL, ids)).containsOnlyKeys(first, last);
	}

}
