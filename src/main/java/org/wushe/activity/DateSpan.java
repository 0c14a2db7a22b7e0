package org.wushe.activity;

import java.time.LocalDate;

/** When an activity took place: one day ({@code start == end}) or a range of days. */
public record DateSpan(LocalDate start, LocalDate end) {

	public DateSpan {
		if (start == null || end == null || end.isBefore(start)) {
			throw new IllegalArgumentException(start + ".." + end);
		}
	}

	public static DateSpan of(LocalDate day) {
		return new DateSpan(day, day);
	}

	public boolean isSingleDay() {
		return start.equals(end);
	}

}
