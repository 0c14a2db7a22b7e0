package org.wushe.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in yuan with two decimals, never negative here (linked funds, in-kind value). {@link #parse}
 * reads amounts as people write them: full-width digits, thousands separators, a currency sign, a trailing 元 and
 * the 万 multiplier ({@code "1.5万元"} = 15000.00).
 */
public record Yuan(BigDecimal amount) implements Comparable<Yuan> {

	public static final Yuan ZERO = new Yuan(BigDecimal.ZERO);

	/** The largest amount DECIMAL(14,2) holds. */
	public static final BigDecimal MAX = new BigDecimal("999999999999.99");

	// 元, 圆, 万, 人民币
	private static final char YUAN = '\u5143';

	private static final char YUAN_FORMAL = '\u5706';

	private static final char WAN = '\u4e07';

	private static final String RMB = "\u4eba\u6c11\u5e01";

	private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

	public Yuan {
		if (amount == null) {
			throw new IllegalArgumentException("amount");
		}
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	public static Yuan of(String plain) {
		return new Yuan(new BigDecimal(plain));
	}

	/**
	 * Reads an amount; blank text is zero.
	 *
	 * @throws Unreadable with {@code activity.value.money-*} keys for anything else that is not a non-negative amount
	 * with at most two decimals within DECIMAL(14,2)
	 */
	public static Yuan parse(String text) {
		if (text == null) {
			return ZERO;
		}
		String s = Plain.of(text).strip();
		if (s.isEmpty()) {
			return ZERO;
		}
		String original = text.strip();
		s = s.replace(RMB, "").replace("\u00a5", "").replace("$", "").replace(" ", "").replace(",", "");
		boolean wan = false;
		if (!s.isEmpty() && (s.charAt(s.length() - 1) == YUAN || s.charAt(s.length() - 1) == YUAN_FORMAL)) {
			s = s.substring(0, s.length() - 1);
		}
		if (!s.isEmpty() && s.charAt(s.length() - 1) == WAN) {
			wan = true;
			s = s.substring(0, s.length() - 1);
		}
		if (s.startsWith("-")) {
			throw new Unreadable("activity.value.money-negative", original);
		}
		if (!AMOUNT.matcher(s).matches()) {
			throw new Unreadable("activity.value.money-format", original);
		}
		BigDecimal value = new BigDecimal(s);
		if (wan) {
			value = value.multiply(BigDecimal.valueOf(10_000));
		}
		value = value.stripTrailingZeros();
		if (value.scale() > 2) {
			throw new Unreadable("activity.value.money-decimals", original);
		}
		if (value.compareTo(MAX) > 0) {
			throw new Unreadable("activity.value.money-too-large", original);
		}
		return new Yuan(value.setScale(2, RoundingMode.UNNECESSARY));
	}

	/** Reads a number that a spreadsheet stored as a number. */
	public static Yuan of(BigDecimal number) {
		if (number.signum() < 0) {
			throw new Unreadable("activity.value.money-negative", number.toPlainString());
		}
		BigDecimal value = number.stripTrailingZeros();
		if (value.scale() > 2) {
			// binary floating point in the sheet: 0.1 + 0.2 style noise beyond the cents is rounded, real sub-cent
			// amounts are refused
			BigDecimal rounded = number.setScale(2, RoundingMode.HALF_UP);
			if (rounded.subtract(number).abs().compareTo(new BigDecimal("0.000001")) > 0) {
				throw new Unreadable("activity.value.money-decimals", number.toPlainString());
			}
			value = rounded;
		}
		if (value.compareTo(MAX) > 0) {
			throw new Unreadable("activity.value.money-too-large", number.toPlainString());
		}
		return new Yuan(value.setScale(2, RoundingMode.UNNECESSARY));
	}

	public Yuan plus(Yuan other) {
		return new Yuan(amount.add(other.amount));
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	@Override
	public int compareTo(Yuan o) {
		return amount.compareTo(o.amount);
	}

	@Override
	public String toString() {
		return amount.toPlainString();
	}

}
