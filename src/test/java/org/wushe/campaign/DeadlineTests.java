package org.wushe.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class DeadlineTests {

	static final Instant FIVE_PM = Instant.parse("2022-03-24T09:00:00Z");

	final Deadline deadline = new Deadline(1, Deadline.parseInstant("2022-03-24 17:00"));

	@Test
	void localTimesAreReadInShanghai() {
		assertThat(deadline.dueAt()).isEqualTo(FIVE_PM);
		assertThat(Deadline.parseInstant("2022-03-24T17:00:00+08:00")).isEqualTo(FIVE_PM);
		assertThat(Deadline.parseInstant("2022-03-24T09:00:00Z")).isEqualTo(FIVE_PM);
		assertThat(Deadline.parseInstant("2022-03-24T17:00")).isEqualTo(FIVE_PM);
		assertThat(Deadline.parseInstant("2022-03-24T10:00+01:00[Europe/Paris]")).isEqualTo(FIVE_PM);
		assertThatThrownBy(() -> Deadline.parseInstant("24.3.2022 17:00")).isInstanceOf(DateTimeParseException.class);
		assertThatThrownBy(() -> Deadline.parseInstant(" ")).isInstanceOf(DateTimeParseException.class);
	}

	@Test
	void deadlinesAreReadLikeAnyDateWithATimeOfDay() {
		for (String s : new String[] { "2022年3月24日 17:00", "2022/3/24 17:00", "２０２２年３月２４日　１７：００",
				"2022-3-24 17:00:00", "2022.03.24 17:00" }) {
			assertThat(Deadline.parseInstant(s)).as(s).isEqualTo(FIVE_PM);
		}
		assertThat(Deadline.parseInstant("2022-03-24T16:59:59.5")).isEqualTo(FIVE_PM.minusMillis(500));
		for (String s : new String[] { "2022年3月24日", "2022-02-30 17:00", "2022-03-24 25:00", "3月24日 17:00" }) {
			assertThatThrownBy(() -> Deadline.parseInstant(s)).as(s).isInstanceOf(DateTimeParseException.class);
		}
	}

	@Test
	void seventeenHundredSharpIsOnTimeAndOneMillisecondLaterIsLate() {
		assertThat(deadline.isOnTime(Instant.parse("2022-03-24T08:59:59Z"))).isTrue();
		assertThat(deadline.isOnTime(FIVE_PM)).isTrue();
		assertThat(deadline.isOnTime(FIVE_PM.plusMillis(1))).isFalse();
		assertThat(deadline.isOnTime(Instant.parse("2022-03-24T09:01:00Z"))).isFalse();
		// 16:30 in Shanghai is 08:30 UTC: on time, although the UTC date and hour look earlier
		assertThat(deadline.isOnTime(Deadline.parseInstant("2022-03-24 16:30"))).isTrue();
		// 17:00 UTC on the same date is 01:00 the next day in Shanghai
		assertThat(deadline.isOnTime(Instant.parse("2022-03-24T17:00:00Z"))).isFalse();
	}

	@Test
	void atSeventeenOhOneTheDeadlineHasPassed() {
		assertThat(deadline.hasPassed(Deadline.parseInstant("2022-03-24 17:00"))).isFalse();
		assertThat(deadline.hasPassed(Deadline.parseInstant("2022-03-24 17:01"))).isTrue();
		assertThat(deadline.phaseAt(Deadline.parseInstant("2022-03-24 17:01"))).isEqualTo(Deadline.Phase.PASSED);
	}

	@Test
	void remindersAreDueOneDayAndTwoHoursBefore() {
		assertThat(deadline.phaseAt(Deadline.parseInstant("2022-03-23 16:59"))).isEqualTo(Deadline.Phase.OPEN);
		assertThat(deadline.phaseAt(Deadline.parseInstant("2022-03-23 17:00"))).isEqualTo(Deadline.Phase.DUE_IN_A_DAY);
		assertThat(deadline.phaseAt(Deadline.parseInstant("2022-03-24 14:59"))).isEqualTo(Deadline.Phase.DUE_IN_A_DAY);
		assertThat(deadline.phaseAt(Deadline.parseInstant("2022-03-24 15:00"))).isEqualTo(Deadline.Phase.DUE_IN_HOURS);
		assertThat(deadline.phaseAt(FIVE_PM)).isEqualTo(Deadline.Phase.DUE_IN_HOURS);
	}

	@Test
	void aReportCoversActivitiesUpToTheDeadlinesLocalDate() {
		assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2022, 3, 24));
		// 23:30 UTC on the 23rd is already the 24th in Shanghai
		assertThat(new Deadline(1, Instant.parse("2022-03-23T23:30:00Z")).lastDay()).isEqualTo(LocalDate.of(2022, 3, 24));
	}

}
