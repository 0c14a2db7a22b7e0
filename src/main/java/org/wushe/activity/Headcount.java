package org.wushe.activity;

import java.math.BigDecimal;

/**
 * A number of people or person-times (参与人次, 受益人次): a whole number from 0 to {@link #MAX}. {@link #parse}
 * reads counts as people write them: full-width digits, thousands separators and a trailing 人, 人次 or 次.
 */
public final class Headcount {

	public static final int MAX = 10_000_000;

	// 人, 次, 余, 多
	private static final char PERSON = '\u4eba';

	private static final char TIMES = '\u6b21';

	private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("\\d+(\\.0+)?");

	private static final java.util.regex.Pattern FRACTION = java.util.regex.Pattern.compile("\\d*\\.\\d+");

	private Headcount() {
	}

	/**
	 * Reads a count; blank text is zero.
	 *
	 * @throws Unreadable with {@code activity.value.count-*} keys for negative, fractional, non-numeric or too large
	 * values
	 */
	public static int parse(String text) {
		if (text == null) {
			return 0;
		}
		String s = Plain.compact(text).replace(",", "");
		if (s.isEmpty()) {
			return 0;
		}
		String original = text.strip();
		if (!s.isEmpty() && s.charAt(s.length() - 1) == TIMES) {
			s = s.substring(0, s.length() - 1);
		}
		if (!s.isEmpty() && s.charAt(s.length() - 1) == PERSON) {
			s = s.substring(0, s.length() - 1);
		}
		if (s.startsWith("-")) {
			throw new Unreadable("activity.value.count-negative", original);
		}
		if (!WHOLE.matcher(s).matches()) {
			if (FRACTION.matcher(s).matches()) {
				throw new Unreadable("activity.value.count-fraction", original);
			}
			throw new Unreadable("activity.value.count-format", original);
		}
		return check(new BigDecimal(s), original);
	}

	/** Reads a number that a spreadsheet stored as a number. */
	public static int of(BigDecimal number) {
		return check(number, number.stripTrailingZeros().toPlainString());
	}

	private static int check(BigDecimal n, String original) {
		if (n.signum() < 0) {
			throw new Unreadable("activity.value.count-negative", original);
		}
		if (n.stripTrailingZeros().scale() > 0) {
			throw new Unreadable("activity.value.count-fraction", original);
		}
		if (n.compareTo(BigDecimal.valueOf(MAX)) > 0) {
			throw new Unreadable("activity.value.count-too-large", original, MAX);
		}
		return n.intValueExact();
	}

}
