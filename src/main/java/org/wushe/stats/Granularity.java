package org.wushe.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How a time series is bucketed: ISO weeks starting on Monday, or calendar months. */
public enum Granularity {

	WEEK, MONTH;

	/** The first day of the bucket that holds {@code day}. */
	public LocalDate bucketOf(LocalDate day) {
		return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
	}

	public LocalDate next(LocalDate bucket) {
		return this == WEEK ? bucket.plusWeeks(1) : bucket.plusMonths(1);
	}

	public String messageKey() {
		return "stats.granularity." + name().toLowerCase(Locale.ROOT);
	}

	/** Reads {@code week}/{@code month} (any case); blank means {@code fallback}. */
	static Granularity parse(String text, Granularity fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw org.wushe.shared.InvalidInputException.of("granularity", "stats.error.granularity");
		}
	}

}
