package org.wushe.personal;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码) by GB 32100-2015: registration authority (登记管理部门代码), organization
 * category, 6-digit region code, 9-character organization code (组织机构代码, with its own GB 11714 check character)
 * and a final check character by weighted MOD 31 over the charset {@code 0-9 A-H J-N P-R T-U W-Y}.
 * <p>
 * Some codes issued early are legal but fail the final check; such a code is accepted with a warning
 * ({@link Verdict#warning()}). Every other failure is an error.
 */
public final class CreditCode {

	/** The 31 characters of GB 32100 (no I, O, S, V, Z), in the order of their numeric values. */
	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final int[] ORG_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	/** 登记管理部门代码: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商, A 军队, N 农业, Y 其他. */
	private static final String AUTHORITIES = "123456789ANY";

	/**
	 * The outcome of checking a code.
	 *
	 * @param value the normalised code (trimmed, upper-case)
	 * @param errorKey the message key of the error, or {@code null} when the code is acceptable
	 * @param warning whether the code is acceptable but fails the final check character
	 */
	public record Verdict(String value, String errorKey, boolean warning) {

		public boolean acceptable() {
			return errorKey == null;
		}

	}

	private CreditCode() {
	}

	public static String normalise(String text) {
		return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
	}

	/** Checks {@code text}; message keys are {@code actor.credit-code.*}. */
	public static Verdict check(String text) {
		String s = normalise(text);
		if (s.isEmpty()) {
			return error(s, "actor.credit-code.blank");
		}
		if (s.length() != 18) {
			return error(s, "actor.credit-code.length");
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(s.charAt(i)) < 0) {
				return error(s, "actor.credit-code.characters");
			}
		}
		if (AUTHORITIES.indexOf(s.charAt(0)) < 0) {
			return error(s, "actor.credit-code.authority");
		}
		if (!isDigit(s.charAt(1)) || s.charAt(1) == '0') {
			return error(s, "actor.credit-code.category");
		}
		for (int i = 2; i < 8; i++) {
			if (!isDigit(s.charAt(i))) {
				return error(s, "actor.credit-code.region");
			}
		}
		if (organizationCheckChar(s.substring(8, 16)) != s.charAt(16)) {
			return error(s, "actor.credit-code.organization-code");
		}
		return new Verdict(s, null, checkChar(s.substring(0, 17)) != s.charAt(17));
	}

	/** The final check character of the first 17 characters (weighted MOD 31). */
	public static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int c = 31 - sum % 31;
		return CHARSET.charAt(c == 31 ? 0 : c);
	}

	/** The GB 11714 check character of an 8-character organization code body: 0–9 or X. */
	public static char organizationCheckChar(String body8) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			char c = body8.charAt(i);
			int v = isDigit(c) ? c - '0' : c - 'A' + 10;
			sum += v * ORG_WEIGHTS[i];
		}
		int c = 11 - sum % 11;
		return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
	}

	private static Verdict error(String s, String key) {
		return new Verdict(s, key, false);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
