package org.wushe.region;

import java.util.ArrayList;
import java.util.List;

import org.wushe.shared.InvalidInputException;

/**
 * An NBS statistical division code at its own length: 2 (province), 4 (prefecture), 6 (county), 9 (township) or 12
 * digits (village), plus the synthetic country root {@code 00}. The 12-digit padded form is accepted too and read as
 * the deepest level whose segment is not all zeros ({@code 150000000000} = {@code 15}).
 * <p>
 * A subtree is a half-open range of codes, because every code extends its parent's code: {@code [code, next)}, where
 * {@code next} is the code incremented as a number of the same length. Queries bind the two ends as parameters.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

	public static final RegionCode COUNTRY = new RegionCode("00");

	private static final int[] SEGMENT_ENDS = { 2, 4, 6, 9, 12 };

	/** Above every real code in both byte and locale collations (letters sort after digits). */
	private static final String TOP = "A";

	/** The name a region code goes by in forms and JSON bodies, named by errors when no other name is given. */
	public static final String FIELD = "regionCode";

	public RegionCode {
		if (!isWellFormed(value)) {
			throw malformed(FIELD, value);
		}
	}

	/**
	 * Reads any accepted form: short codes, the 12-digit padded form, {@code 00} or twelve zeros for the country.
	 * Throws an {@link InvalidInputException} naming the field {@value #FIELD} for anything else.
	 */
	public static RegionCode parse(String text) {
		return parse(text, FIELD);
	}

	/** As {@link #parse(String)}, for a value sent as {@code field} (a query parameter such as {@code region}). */
	public static RegionCode parse(String text, String field) {
		if (!isValid(text)) {
			throw malformed(field, text);
		}
		return read(text);
	}

	private static InvalidInputException malformed(String field, String text) {
		return InvalidInputException.of(field, "region.error.malformed", String.valueOf(text));
	}

	private static RegionCode read(String text) {
		String s = text == null ? "" : text.strip();
		if (s.length() == 12 && s.chars().allMatch(Character::isDigit)) {
			int end = 0;
			for (int i = 0; i < SEGMENT_ENDS.length; i++) {
				int start = i == 0 ? 0 : SEGMENT_ENDS[i - 1];
				if (!s.substring(start, SEGMENT_ENDS[i]).chars().allMatch(c -> c == '0')) {
					end = SEGMENT_ENDS[i];
				}
			}
			return end == 0 ? COUNTRY : new RegionCode(s.substring(0, end));
		}
		return new RegionCode(s);
	}

	/** Whether {@code text} is a code in one of the accepted forms (without looking it up). */
	public static boolean isValid(String text) {
		if (text == null) {
			return false;
		}
		String s = text.strip();
		return isWellFormed(s) || (s.length() == 12 && s.chars().allMatch(Character::isDigit));
	}

	private static boolean isWellFormed(String s) {
		if (s == null || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		return switch (s.length()) {
			case 2 -> true;
			case 4, 6, 9 -> true;
			case 12 -> true;
			default -> false;
		};
	}

	public boolean isCountry() {
		return value.equals("00");
	}

	public RegionLevel level() {
		if (isCountry()) {
			return RegionLevel.COUNTRY;
		}
		return switch (value.length()) {
			case 2 -> RegionLevel.PROVINCE;
			case 4 -> RegionLevel.PREFECTURE;
			case 6 -> RegionLevel.COUNTY;
			case 9 -> RegionLevel.TOWNSHIP;
			default -> RegionLevel.VILLAGE;
		};
	}

	/**
	 * The code length of this region's direct children, by which counts over the subtree are grouped; a village's own
	 * length (it has no children).
	 */
	public int childCodeLength() {
		RegionLevel level = level();
		return level == RegionLevel.VILLAGE ? level.codeLength() : RegionLevel.ofNumber(level.number() + 1).codeLength();
	}

	/**
	 * The child a code {@code prefix} of this subtree, cut to {@link #childCodeLength()}, is counted under: the prefix
	 * itself, or {@code ""} for rows of this region itself (a shorter prefix, or any row of a village).
	 */
	public String childKey(String prefix) {
		return prefix.length() < childCodeLength() || level() == RegionLevel.VILLAGE ? "" : prefix;
	}

	/** The parent code, or {@code null} for the country. Provinces have the country as parent. */
	public RegionCode parent() {
		return switch (level()) {
			case COUNTRY -> null;
			case PROVINCE -> COUNTRY;
			default -> new RegionCode(value.substring(0, RegionLevel.ofNumber(level().number() - 1).codeLength()));
		};
	}

	/**
	 * The codes from the country down to this one, this one included: where a figure of this region is counted too
	 * (every ancestor's subtree holds it).
	 */
	public List<RegionCode> path() {
		List<RegionCode> result = ancestors();
		result.add(this);
		return result;
	}

	/** Ancestors from the country down to the parent (excluding this code). */
	public List<RegionCode> ancestors() {
		List<RegionCode> result = new ArrayList<>();
		for (RegionCode p = parent(); p != null; p = p.parent()) {
			result.add(0, p);
		}
		return result;
	}

	/** The ancestor (or this code) at the given level, which must not be below this code's level. */
	public RegionCode ancestorAt(RegionLevel level) {
		if (level.isBelow(level())) {
			throw new IllegalArgumentException(level + " is below " + this);
		}
		if (level == RegionLevel.COUNTRY) {
			return COUNTRY;
		}
		return new RegionCode(value.substring(0, level.codeLength()));
	}

	/** Whether {@code other} is this code or lies in its subtree. */
	public boolean contains(RegionCode other) {
		return isCountry() || other.value.startsWith(value) && !other.isCountry();
	}

	/** Inclusive lower end of the subtree range. */
	public String subtreeFrom() {
		return isCountry() ? "0" : value;
	}

	/** Exclusive upper end of the subtree range: the code incremented as a number of the same length. */
	public String subtreeTo() {
		if (isCountry()) {
			return TOP;
		}
		char[] digits = value.toCharArray();
		for (int i = digits.length - 1; i >= 0; i--) {
			if (digits[i] < '9') {
				digits[i]++;
				return new String(digits);
			}
			digits[i] = '0';
		}
		return TOP;
	}

	/** The 12-digit padded form ({@code 15} → {@code 150000000000}). */
	public String padded() {
		return (value + "000000000000").substring(0, 12);
	}

	@Override
	public int compareTo(RegionCode o) {
		return value.compareTo(o.value);
	}

	@Override
	public String toString() {
		return value;
	}

}
