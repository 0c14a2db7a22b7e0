package org.wushe.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class UnitStatusTests {

	final Deadline five = new Deadline(1, Deadline.parseInstant("2022-03-24 17:00"));

	static Instant at(String local) {
		return Deadline.parseInstant(local);
	}

	@Test
	void atSeventeenOhOneTheProvinceSeesWhoMissedSeventeenHundred() {
		assertThat(UnitStatus.of(five, null, at("2022-03-24 16:59"))).isEqualTo(UnitStatus.PENDING);
		assertThat(UnitStatus.of(five, null, at("2022-03-24 17:00"))).isEqualTo(UnitStatus.PENDING);
		assertThat(UnitStatus.of(five, null, at("2022-03-24 17:01"))).isEqualTo(UnitStatus.MISSING);
	}

	@Test
	void aSubmissionStaysOnTimeOrLateWhateverTheClockSaysLater() {
		assertThat(UnitStatus.of(five, at("2022-03-24 16:58"), at("2022-03-24 17:01"))).isEqualTo(UnitStatus.ON_TIME);
		assertThat(UnitStatus.of(five, at("2022-03-24 17:00"), at("2022-04-30 09:00"))).isEqualTo(UnitStatus.ON_TIME);
		assertThat(UnitStatus.of(five, at("2022-03-24 17:02"), at("2022-03-24 17:03"))).isEqualTo(UnitStatus.LATE);
	}

	@Test
	void boardCountsAndPercentages() {
		java.util.List<UnitCompleteness> units = java.util.List.of(
				new UnitCompleteness("1501", "a", UnitStatus.ON_TIME, at("2022-03-24 10:00"), 1, ReportStatus.SUBMITTED),
				new UnitCompleteness("1502", "b", UnitStatus.LATE, at("2022-03-24 18:00"), 1, ReportStatus.SUBMITTED),
				new UnitCompleteness("1503", "c", UnitStatus.MISSING, null, 0, ReportStatus.DRAFT));
		Completeness.Group all = new Completeness(1, five, org.wushe.region.RegionCode.parse("15"), "x", units,
				java.util.List.of())
			.overall();
		assertThat(all.total()).isEqualTo(3);
		assertThat(all.submitted()).isEqualTo(2);
		assertThat(all.percentSubmitted()).isEqualTo(66);
		assertThat(all.percentOnTime()).isEqualTo(33);
		assertThat(all.count(UnitStatus.MISSING)).isEqualTo(1);
	}

}
