package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DemoDatesTests {

	@Test
	void tokensBecomeDatesCountedFromToday() {
		LocalDate today = LocalDate.of(2026, 12, 3);
		assertThat(DemoDates.resolve("a,{d-3},{d+0},{d+10T17:00},b", today))
			.isEqualTo("a,2026-11-30,2026-12-03,2026-12-13T17:00:00+08:00,b");
		assertThat(DemoDates.resolve("周报（{week}）", today)).isEqualTo("周报（2026-W49）");
		assertThat(DemoDates.resolve("no tokens, {x}", today)).isEqualTo("no tokens, {x}");
	}

}
