package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The one date reader: the forms people type in Chinese forms and spreadsheets, and Excel's day numbers. */
class DateTextTests {

	static final LocalDate MARCH_5 = LocalDate.of(2026, 3, 5);

	@Test
	void readsTheFormsPeopleWrite() throws DateText.NotADate {
		for (String s : new String[] { "2026-03-05", "2026-3-5", "2026/3/5", "2026.3.5", "2026年3月5日", "2026年3月5号",
				"2026 年 3 月 5 日", " 2026-03-05 ", "２０２６年３月５日", "２０２６．３．５", "20260305", "2026-03-05 09:30",
				"2026/3/5 9:30:00" }) {
			assertThat(DateText.parse(s)).as(s).isEqualTo(MARCH_5);
		}
	}

	@Test
	void tellsANonDateFromAnImpossibleDay() {
		for (String s : new String[] { "", "next monday", "3/5/2026", "2026-03", "26-3-5", "2026年3月" }) {
			DateText.NotADate e = catchThrowableOfType(DateText.NotADate.class, () -> DateText.parse(s));
			assertThat(e).as(s).isNotNull();
			assertThat(e.impossible()).as(s).isFalse();
		}
		for (String s : new String[] { "2026-02-30", "2026年13月1日", "20260230" }) {
			DateText.NotADate e = catchThrowableOfType(DateText.NotADate.class, () -> DateText.parse(s));
			assertThat(e).as(s).isNotNull();
			assertThat(e.impossible()).as(s).isTrue();
		}
		assertThat(catchThrowableOfType(DateText.NotADate.class, () -> DateText.parse(null))).isNotNull();
	}

	@Test
	void readsExcelDayNumbersAndDatesTypedAsNumbers() throws DateText.NotADate {
		assertThat(DateText.fromCell(new BigDecimal("46086"), false)).isEqualTo(MARCH_5);
		assertThat(DateText.fromCell(new BigDecimal("46086.75"), false)).isEqualTo(MARCH_5);
		assertThat(DateText.fromCell(new BigDecimal("44624"), true)).isEqualTo(MARCH_5);
		assertThat(DateText.fromCell(new BigDecimal("20260305"), false)).isEqualTo(MARCH_5);
		// Excel's 1900 system counts a 29 February 1900 that never was
		assertThat(DateText.fromCell(new BigDecimal("59"), false)).isEqualTo(LocalDate.of(1900, 2, 28));
		assertThat(DateText.fromCell(new BigDecimal("61"), false)).isEqualTo(LocalDate.of(1900, 3, 1));
		assertThat(catchThrowableOfType(DateText.NotADate.class, () -> DateText.fromCell(BigDecimal.ZERO, false)))
			.isNotNull();
		assertThat(catchThrowableOfType(DateText.NotADate.class,
				() -> DateText.fromCell(new BigDecimal("3000000"), false)))
			.isNotNull();
		assertThat(catchThrowableOfType(DateText.NotADate.class,
				() -> DateText.fromCell(new BigDecimal("20260230"), false)).impossible())
			.isTrue();
	}

	@Test
	void findsADateInsideARangeAndWhereItEnds() {
		assertThat(DateText.writtenAt("2026年3月5日至7日", 0)).isEqualTo(new DateText.Written(2026, 3, 5, 9));
		assertThat(DateText.writtenAt("2026-03-05~2026-03-07", 11)).isEqualTo(new DateText.Written(2026, 3, 7, 21));
		assertThat(DateText.writtenAt("2026-02-30", 0)).isEqualTo(new DateText.Written(2026, 2, 30, 10));
		assertThat(DateText.writtenAt("3月5日", 0)).isNull();
		assertThat(DateText.writtenAt("x2026-03-05", 0)).isNull();
	}

	@Test
	void readsADateWithItsTimeOfDay() throws DateText.NotADate {
		assertThat(DateText.parseDateTime("２０２６年３月５日　１７：３０")).isEqualTo(MARCH_5.atTime(17, 30));
		assertThat(DateText.parseDateTime("2026/3/5 9:30:15.25")).isEqualTo(MARCH_5.atTime(9, 30, 15, 250_000_000));
		assertThat(catchThrowableOfType(DateText.NotADate.class, () -> DateText.parseDateTime("2026-03-05")))
			.isNotNull();
		assertThat(catchThrowableOfType(DateText.NotADate.class, () -> DateText.parseDateTime("2026-03-05 24:00"))
			.impossible()).isTrue();
	}

}
