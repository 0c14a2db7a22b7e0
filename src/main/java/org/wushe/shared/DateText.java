package org.wushe.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of dates as people write them in Chinese forms, APIs and spreadsheets: {@code 2026-03-05},
 * {@code 2026/3/5}, {@code 2026.3.5}, {@code 2026年3月5日} (or {@code 号}), {@code 20260305}, with full-width digits
 * and punctuation, spaces around the parts, and a time of day after the date (dropped); and Excel's serial day numbers
 * in spreadsheet cells. Each caller turns {@link NotADate} into its own message naming the field, or the row and
 * column.
 */
public final class DateText {

	/** A date written year first: {@code 2026-03-05}, {@code 2026/3/5}, {@code 2026.3.5}, {@code 2026年3月5日}. */
	private static final String YEAR_FIRST = "(\\d{4})\\s*[-/.\\u5e74]\\s*(\\d{1,2})\\s*[-/.\\u6708]\\s*(\\d{1,2})\\s*[\\u65e5\\u53f7]?";

	private static final Pattern WRITTEN = Pattern.compile(YEAR_FIRST);

	private static final Pattern DATE = Pattern
		.compile(YEAR_FIRST + "(\\s*T?\\s*\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private static final LocalDate EXCEL_EPOCH_1904 = LocalDate.of(1904, 1, 1);

	/** The largest serial day Excel shows as a date (9999-12-31). */
	private static final BigDecimal EXCEL_LAST_DAY = BigDecimal.valueOf(2_958_465);

	/** How a moment is shown to the minute on pages, exports and statements: {@code 2026-12-04 09:30}. */
	public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** As {@link #MINUTE}, to the second. */
	public static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private DateText() {
	}

	/** The text was no date ({@link #impossible()} false), or named a day that does not exist (true). */
	public static final class NotADate extends Exception {

		private final boolean impossible;

		NotADate(String text, boolean impossible) {
			super(text, null, false, false);
			this.impossible = impossible;
		}

		/** Whether the text had the form of a date but named a day that does not exist ({@code 2026-02-30}). */
		public boolean impossible() {
			return impossible;
		}

	}

	/**
	 * A date as written, year first, inside a longer text (such as a range of dates): its parts, not yet checked to
	 * name a real day, and where it ends in the text.
	 */
	public record Written(int year, int month, int day, int end) {
	}

	/**
	 * The date written year first at {@code from} in {@code text} (already folded by {@link HalfWidth}), without a time
	 * of day; {@code null} when there is none.
	 */
	public static Written writtenAt(String text, int from) {
		Matcher m = WRITTEN.matcher(text).region(from, text.length());
		if (!m.lookingAt()) {
			return null;
		}
		return new Written(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
				m.end());
	}

	/** The date {@code text} names; surrounding spaces and full-width characters are accepted. */
	public static LocalDate parse(String text) throws NotADate {
		String s = text == null ? "" : HalfWidth.of(text).strip();
		Matcher m = DATE.matcher(s);
		if (!m.matches()) {
			m = COMPACT.matcher(s);
			if (!m.matches()) {
				throw new NotADate(s, false);
			}
		}
		try {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		catch (DateTimeException ex) {
			throw new NotADate(s, true);
		}
	}

	/**
	 * The date and time of day {@code text} names: any date {@link #parse} reads, then the time as {@code 17:00} or
	 * {@code 17:00:30} ({@code 2026年3月5日 17:00}, {@code 2026/3/5 9:30}); a date without a time is refused.
	 */
	public static LocalDateTime parseDateTime(String text) throws NotADate {
		LocalDate day = parse(text);
		String s = HalfWidth.of(text).strip();
		Matcher m = DATE.matcher(s);
		if (!m.matches() || m.group(4) == null) {
			throw new NotADate(s, false);
		}
		String[] parts = m.group(4).replaceAll("[\\sT]", "").split(":");
		BigDecimal seconds = parts.length > 2 ? new BigDecimal(parts[2]) : BigDecimal.ZERO;
		try {
			return day.atTime(LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), seconds.intValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue()));
		}
		catch (DateTimeException ex) {
			throw new NotADate(s, true);
		}
	}

	/**
	 * The date of a number in a spreadsheet cell: Excel's serial day (in the 1900 system, with its phantom 29 February
	 * 1900, or the 1904 system), or a date typed as eight digits ({@code 20260305}).
	 */
	public static LocalDate fromCell(BigDecimal n, boolean date1904) throws NotADate {
		if (n.compareTo(BigDecimal.valueOf(19000101)) >= 0 && n.compareTo(BigDecimal.valueOf(30000101)) < 0
				&& n.stripTrailingZeros().scale() <= 0) {
			return parse(n.toBigInteger().toString());
		}
		if (n.signum() <= 0 || n.compareTo(EXCEL_LAST_DAY) > 0) {
			throw new NotADate(n.toPlainString(), false);
		}
		long days = n.setScale(0, RoundingMode.FLOOR).longValueExact();
		return date1904 ? EXCEL_EPOCH_1904.plusDays(days)
				: days < 61 ? EXCEL_EPOCH.plusDays(days + 1) : EXCEL_EPOCH.plusDays(days);
	}

}
