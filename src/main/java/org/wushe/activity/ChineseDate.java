package org.wushe.activity;

import java.time.DateTimeException;
import java.time.LocalDate;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.wushe.shared.DateText;

/**
 * Reads activity dates as people write them in Chinese forms and spreadsheets: {@code 2022-03-20},
 * {@code 2022/3/20}, {@code 2022.3.20}, {@code 2022年3月20日}, {@code 3月20日} (year taken from the context, e.g. the
 * campaign), {@code 20220320}, and ranges joined by {@code - ~ 至 到 —} whose second part may omit the year, or the
 * year and month: {@code 3月20日-22日}, {@code 3月20日至4月2日}, {@code 2022-03-20~2022-03-22}. Full-width digits and
 * punctuation are accepted. A range without a year whose end month lies before its start month runs into the next
 * year ({@code 12月30日-1月2日}).
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class ChineseDate {

	// 月 日 号 至 到
	private static final char YUE = '\u6708';

	private static final char RI = '\u65e5';

	private static final char HAO = '\u53f7';

	private static final char ZHI = '\u81f3';

	private static final char DAO = '\u5230';

	private final String text;

	private int pos;

	/**
	 * Reads a single date or a range.
	 *
	 * @param defaultYear the year of dates written without one
	 * @throws Unreadable with {@code activity.value.date-*} keys when the text is not a date or range, names an
	 * impossible day, or ends before it starts
	 */
	public static DateSpan parse(String input, int defaultYear) {
		String original = input == null ? "" : input.strip();
		String s = Plain.of(original)
			.replace('\u2014', '-')
			.replace('\u2013', '-')
			.replace('\u2012', '-')
			.replace('\u2015', '-')
			.replace('\u301c', '~')
			.replace(" ", "");
		if (s.isEmpty()) {
			throw new Unreadable("activity.value.date-missing");
		}
		ChineseDate p = new ChineseDate(s);
		Part first = p.part(null);
		if (first == null || first.month == null) {
			throw new Unreadable("activity.value.date-format", original);
		}
		LocalDate start = first.toDate(defaultYear, original);
		if (p.atEnd()) {
			return DateSpan.of(start);
		}
		if (!p.separator()) {
			throw new Unreadable("activity.value.date-format", original);
		}
		Part second = p.part(first);
		if (second == null || !p.atEnd()) {
			throw new Unreadable("activity.value.date-format", original);
		}
		int endYear = second.year != null ? second.year : start.getYear();
		int endMonth = second.month != null ? second.month : start.getMonthValue();
		if (second.year == null && second.month != null && endMonth < start.getMonthValue()) {
			endYear++;
		}
		LocalDate end = new Part(endYear, endMonth, second.day).toDate(endYear, original);
		if (end.isBefore(start)) {
			throw new Unreadable("activity.value.date-reversed", original);
		}
		return new DateSpan(start, end);
	}

	/** A date as written, with the parts that were left out still {@code null}. */
	private record Part(Integer year, Integer month, int day) {

		LocalDate toDate(int defaultYear, String original) {
			int y = year != null ? year : defaultYear;
			if (y < 1990 || y > 2100) {
				throw new Unreadable("activity.value.date-year", original);
			}
			try {
				return LocalDate.of(y, month, day);
			}
			catch (DateTimeException ex) {
				throw new Unreadable("activity.value.date-impossible", original);
			}
		}

	}

	/**
	 * One date. After a first part ({@code previous} set), a bare day ({@code 22日}, {@code 22}) or month and day is
	 * enough.
	 */
	private Part part(Part previous) {
		int start = pos;
		String n1 = digits();
		if (n1 == null) {
			return null;
		}
		if (n1.length() == 8 && previous == null) {
			return new Part(Integer.parseInt(n1.substring(0, 4)), Integer.parseInt(n1.substring(4, 6)),
					Integer.parseInt(n1.substring(6)));
		}
		if (n1.length() == 4) {
			// year first: 2022-03-20, 2022/3/20, 2022.3.20, 2022年3月20日, read as the shared date reader reads them
			DateText.Written date = DateText.writtenAt(text, start);
			if (date == null) {
				return null;
			}
			pos = date.end();
			return new Part(date.year(), date.month(), date.day());
		}
		if (n1.length() > 2) {
			return null;
		}
		// month first (3月20日, 3/20, 3.20), or a bare day after a first part (22日)
		int afterNumber = pos;
		if (take(YUE) || take('/') || take('.')) {
			String d = digits();
			if (d == null || d.length() > 2) {
				return null;
			}
			dayMark();
			return new Part(null, Integer.parseInt(n1), Integer.parseInt(d));
		}
		pos = afterNumber;
		if (previous != null) {
			dayMark();
			return new Part(null, null, Integer.parseInt(n1));
		}
		pos = start;
		return null;
	}

	private boolean separator() {
		return take('-') || take('~') || take(ZHI) || take(DAO);
	}

	private void dayMark() {
		if (!take(RI)) {
			take(HAO);
		}
	}

	private String digits() {
		int start = pos;
		while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
			pos++;
		}
		return pos == start ? null : text.substring(start, pos);
	}

	private boolean take(char c) {
		if (pos < text.length() && text.charAt(pos) == c) {
			pos++;
			return true;
		}
		return false;
	}

	private boolean atEnd() {
		return pos >= text.length();
	}

}
