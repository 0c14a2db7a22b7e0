package org.wushe.shared.tally;

import java.time.LocalDate;

/**
 * The keys of the calendar periods that distinct counts kept on write are stored under: a year ({@code 2026}), a
 * quarter ({@code 2026-Q4}) and a month ({@code 2026-12}); and which of them, if any, a range of days is.
 */
public final class CalendarPeriods {

	private CalendarPeriods() {
	}

	public static String year(LocalDate day) {
		return Integer.toString(day.getYear());
	}

	public static String quarter(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() + 2) / 3);
	}

	public static String month(LocalDate day) {
		return day.toString().substring(0, 7);
	}

	/**
	 * The key of the calendar month, quarter or year that {@code from..to} is, or {@code null}. A range from a
	 * period's first day to a day on or after today but before the period's end (this month so far) is the period too:
	 * nothing is counted after today.
	 */
	public static String of(LocalDate from, LocalDate to, LocalDate today) {
		if (to.isBefore(from)) {
			return null;
		}
		LocalDate monthEnd = from.withDayOfMonth(from.lengthOfMonth());
		LocalDate quarterStart = from.withMonth((from.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
		LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
		LocalDate yearEnd = from.withDayOfYear(from.lengthOfYear());
		if (from.getDayOfMonth() == 1 && ends(to, monthEnd, today)) {
			return month(from);
		}
		if (from.equals(quarterStart) && ends(to, quarterEnd, today)) {
			return quarter(from);
		}
		if (from.getDayOfYear() == 1 && ends(to, yearEnd, today)) {
			return year(from);
		}
		return null;
	}

	private static boolean ends(LocalDate to, LocalDate end, LocalDate today) {
		return to.equals(end) || to.isBefore(end) && !to.isBefore(today);
	}

}
