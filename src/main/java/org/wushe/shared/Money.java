package org.wushe.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Money in yuan as people write it, read the same way in every form and import: full-width digits, thousands
 * separators, a currency sign or 人民币 in front, a trailing 元 (元整, 圆) and the 万 multiplier ({@code "1.5万元"} =
 * 15000.00). The result is never negative, has at most two decimals and fits DECIMAL(14,2) ({@link #MAX_YUAN}).
 * Callers turn a {@link Refused} into their own message key.
 */
public final class Money {

	/** The largest amount a DECIMAL(14,2) column holds: twelve integer digits. */
	public static final BigDecimal MAX_YUAN = new BigDecimal("999999999999.99");

	/** Why a text or number is no amount. */
	public enum Problem {

		/** Not written as an amount at all. */
		FORMAT,
		/** Below zero. */
		NEGATIVE,
		/** More than two decimals (fen). */
		DECIMALS,
		/** Above {@link #MAX_YUAN}. */
		TOO_LARGE

	}

	/** An amount that cannot be read, with the reason. */
	public static final class Refused extends InputRefused {

		Refused(Problem problem) {
			super(problem);
		}

		@Override
		public Problem problem() {
			return (Problem) super.problem();
		}

	}

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private static final BigDecimal NOISE = new BigDecimal("0.000001");

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d*)?");

	private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

	private static final String[] PREFIXES = { "\u4eba\u6c11\u5e01", "\u00a5", "$", "RMB", "CNY", "+" };

	// 元整, 元, 圆
	private static final String[] SUFFIXES = { "\u5143\u6574", "\u5143", "\u5706", "RMB", "CNY" };

	private static final String WAN = "\u4e07";

	private Money() {
	}

	/**
	 * The amount written in {@code text}, with two decimals; {@code null} when the text is blank.
	 */
	public static BigDecimal parse(String text) throws Refused {
		String s = compact(HalfWidth.of(text));
		if (s.isEmpty()) {
			return null;
		}
		s = stripPrefix(s);
		s = stripSuffix(s);
		boolean wan = s.endsWith(WAN);
		if (wan) {
			s = s.substring(0, s.length() - WAN.length());
		}
		if (s.startsWith("-")) {
			throw new Refused(Problem.NEGATIVE);
		}
		if (s.indexOf(',') >= 0) {
			if (!GROUPED.matcher(s).matches()) {
				throw new Refused(Problem.FORMAT);
			}
			s = s.replace(",", "");
		}
		if (!AMOUNT.matcher(s).matches()) {
			throw new Refused(Problem.FORMAT);
		}
		BigDecimal value = new BigDecimal(s);
		if (wan) {
			value = value.multiply(TEN_THOUSAND);
		}
		return checked(value);
	}

	/**
	 * An amount a spreadsheet stored as a number: binary floating-point noise beyond the fen (0.1 + 0.2) is rounded
	 * away, real sub-fen amounts are refused.
	 */
	public static BigDecimal ofNumber(BigDecimal number) throws Refused {
		if (number.signum() < 0) {
			throw new Refused(Problem.NEGATIVE);
		}
		BigDecimal value = number;
		if (number.stripTrailingZeros().scale() > 2) {
			BigDecimal rounded = number.setScale(2, RoundingMode.HALF_UP);
			if (rounded.subtract(number).abs().compareTo(NOISE) > 0) {
				throw new Refused(Problem.DECIMALS);
			}
			value = rounded;
		}
		return checked(value);
	}

	private static BigDecimal checked(BigDecimal value) throws Refused {
		if (value.stripTrailingZeros().scale() > 2) {
			throw new Refused(Problem.DECIMALS);
		}
		if (value.compareTo(MAX_YUAN) > 0) {
			throw new Refused(Problem.TOO_LARGE);
		}
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static String compact(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				b.append(c);
			}
		}
		return b.toString();
	}

	private static String stripPrefix(String s) {
		for (String p : PREFIXES) {
			if (s.startsWith(p)) {
				return s.substring(p.length());
			}
		}
		return s;
	}

	private static String stripSuffix(String s) {
		for (String p : SUFFIXES) {
			if (s.endsWith(p)) {
				return s.substring(0, s.length() - p.length());
			}
		}
		return s;
	}

}
