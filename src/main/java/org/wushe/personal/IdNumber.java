package org.wushe.personal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A citizen ID number (公民身份号码) by GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence and
 * an ISO 7064 MOD 11-2 check character (0–9 or X). A lower-case {@code x} is accepted and normalised.
 * <p>
 * {@link #toString()} answers the masked form, so that the full number never reaches a log by accident.
 */
public final class IdNumber extends MaskedValue {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARS = "10X98765432";

	/**
	 * Province-level codes of GB/T 2260 (and 83 for residence permits of Taiwan residents). Codes starting with 9 are
	 * the permanent residence ID cards of foreigners issued since 2023.
	 */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83");

	private IdNumber(String value) {
		super(value);
	}

	/** The normalised form (trimmed, upper-case X), or the text as typed when it is blank. */
	public static String normalise(String text) {
		return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * The message key of what is wrong with {@code text} ({@code actor.id-number.*}), or empty when it is a valid ID
	 * number.
	 */
	public static Optional<String> problem(String text) {
		String s = normalise(text);
		if (s.isEmpty()) {
			return Optional.of("actor.id-number.blank");
		}
		if (s.length() != 18) {
			return Optional.of("actor.id-number.length");
		}
		for (int i = 0; i < 17; i++) {
			if (!isDigit(s.charAt(i))) {
				return Optional.of("actor.id-number.characters");
			}
		}
		char last = s.charAt(17);
		if (!isDigit(last) && last != 'X') {
			return Optional.of("actor.id-number.characters");
		}
		if (!PROVINCES.contains(s.substring(0, 2)) && s.charAt(0) != '9') {
			return Optional.of("actor.id-number.region");
		}
		if (birthDateOf(s) == null) {
			return Optional.of("actor.id-number.birth-date");
		}
		if (checkChar(s) != last) {
			return Optional.of("actor.id-number.check");
		}
		return Optional.empty();
	}

	public static boolean isValid(String text) {
		return problem(text).isEmpty();
	}

	/** Parses a valid ID number; throws {@link IllegalArgumentException} naming the problem key otherwise. */
	public static IdNumber parse(String text) {
		Optional<String> problem = problem(text);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
		return new IdNumber(normalise(text));
	}

	/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
	public static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARS.charAt(sum % 11);
	}

	/** {@code 1501**********123X}: the first and last four characters, stars between. */
	public static String mask(String normalised) {
		if (normalised == null || normalised.length() < 9) {
			return "*".repeat(normalised == null ? 0 : normalised.length());
		}
		int n = normalised.length();
		return normalised.substring(0, 4) + "*".repeat(n - 8) + normalised.substring(n - 4);
	}

	@Override
	public String masked() {
		return mask(value());
	}

	/** The 6-digit address code (行政区划代码 at the time of issue). */
	public String regionPrefix() {
		return value().substring(0, 6);
	}

	public LocalDate birthDate() {
		return birthDateOf(value());
	}

	/** Odd sequence numbers are men, even ones women. */
	public boolean male() {
		return (value().charAt(16) - '0') % 2 == 1;
	}

	private static LocalDate birthDateOf(String s) {
		int year = Integer.parseInt(s.substring(6, 10));
		int month = Integer.parseInt(s.substring(10, 12));
		int day = Integer.parseInt(s.substring(12, 14));
		if (year < 1900) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
