package org.wushe.personal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mainland phone number: a mobile ({@code 1[3-9]} and nine more digits, an optional {@code +86} in front) or a
 * landline with its area code ({@code 0471-6661234}, optionally with an extension). Normalised to digits for mobiles
 * and {@code area-number[-extension]} for landlines.
 * <p>
 * {@link #toString()} answers the masked form.
 */
public final class PhoneNumber extends MaskedValue {

	private static final Pattern MOBILE = Pattern.compile("(?:\\+?86)?(1[3-9]\\d{9})");

	/** Area codes are 3 digits (010, 02x) or 4 digits (0xxx); local numbers 7 or 8 digits. */
	private static final Pattern LANDLINE = Pattern
		.compile("(?:\\+?86)?(0(?:10|2\\d|[3-9]\\d{2}))[-]?([2-9]\\d{6,7})(?:[-#]?(\\d{1,6}))?");

	/** Spaces and brackets people type inside numbers ({@code (0471) 666 1234}); dropped before matching. */
	private static final Pattern FILLER = Pattern.compile("[\\s()（）]");

	/** What a phone number may be made of: digits, a leading plus, dashes and the extension mark. */
	private static final Pattern DIGITS_ONLY = Pattern.compile("\\+?[\\d\\-#]*\\d[\\d\\-#]*");

	private PhoneNumber(String value) {
		super(value);
	}

	/** The normalised form of a valid number, or empty. */
	public static Optional<String> normalised(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String s = FILLER.matcher(text.strip()).replaceAll("");
		Matcher m = MOBILE.matcher(s);
		if (m.matches()) {
			return Optional.of(m.group(1));
		}
		m = LANDLINE.matcher(s);
		if (m.matches()) {
			return Optional.of(m.group(1) + "-" + m.group(2) + (m.group(3) == null ? "" : "-" + m.group(3)));
		}
		return Optional.empty();
	}

	/**
	 * The message key telling why {@code text} is no phone number: {@code actor.phone.length} (with the number of
	 * digits as argument, see {@link #digits}) when it holds only digits and the usual separators but too few or too
	 * many, {@code actor.phone.invalid} otherwise; empty for a valid number.
	 */
	public static Optional<String> problem(String text) {
		if (isValid(text)) {
			return Optional.empty();
		}
		String s = text == null ? "" : FILLER.matcher(text.strip()).replaceAll("");
		int digits = digits(s);
		// numbers have 10 to 12 digits (13 with +86); an extension may follow a dash or #
		boolean wrongLength = digits < 10 || digits > 13 && s.indexOf('-') < 0 && s.indexOf('#') < 0;
		return Optional.of(!s.isEmpty() && DIGITS_ONLY.matcher(s).matches() && wrongLength ? "actor.phone.length"
				: "actor.phone.invalid");
	}

	/** The number of digits in {@code text}, for the length message. */
	public static int digits(String text) {
		return text == null ? 0 : (int) text.chars().filter(c -> c >= '0' && c <= '9').count();
	}

	public static boolean isValid(String text) {
		return normalised(text).isPresent();
	}

	/** Parses a valid number; throws {@link IllegalArgumentException} otherwise. */
	public static PhoneNumber parse(String text) {
		return new PhoneNumber(normalised(text).orElseThrow(() -> new IllegalArgumentException("actor.phone.invalid")));
	}

	public static boolean isMobile(String normalised) {
		return normalised != null && normalised.length() == 11 && normalised.charAt(0) == '1';
	}

	/**
	 * {@code 138****5678} for mobiles (first three and last four digits); for landlines the area code and the last
	 * four digits ({@code 0471-***1234}).
	 */
	public static String mask(String normalised) {
		if (normalised == null || normalised.isEmpty()) {
			return "";
		}
		if (isMobile(normalised)) {
			return normalised.substring(0, 3) + "****" + normalised.substring(7);
		}
		String[] parts = normalised.split("-");
		if (parts.length >= 2 && parts[1].length() > 4) {
			String local = parts[1];
			return parts[0] + "-" + "*".repeat(local.length() - 4) + local.substring(local.length() - 4);
		}
		return "*".repeat(normalised.length());
	}

	@Override
	public String masked() {
		return mask(value());
	}

	public boolean mobile() {
		return isMobile(value());
	}

}
