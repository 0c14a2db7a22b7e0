package org.wushe.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin initials of a name (拼音首字母) for search: {@code 新城区社会工作服务中心} → {@code xcqshgzfwzx}. Letters and
 * digits are kept in lower case, other characters dropped. For characters with several readings (行 háng/xíng, 长
 * cháng/zhǎng) up to {@value #MAX_VARIANTS} variants are kept, separated by spaces, so that a {@code LIKE} on the
 * stored column finds either reading. Computed when a record is written and stored next to the name.
 * <p>
 * The initials of each Chinese character are looked up once and kept (pinyin4j formats every reading of a character
 * with regular expressions each time it is asked, which dominated the cost of large imports); the cache holds at most
 * the Han characters of the Basic Multilingual Plane.
 * <p>
 * Sites, registries and charity records all search through this one class, so a query finds names the same way in
 * every list.
 */
public final class NameInitials {

	static final int MAX_VARIANTS = 4;

	static final int MAX_LENGTH = 400;

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	private static final char[] NONE = {};

	private static final Map<Character, char[]> HAN_INITIALS = new ConcurrentHashMap<>();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
	}

	private NameInitials() {
	}

	public static String of(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		List<StringBuilder> variants = new ArrayList<>();
		variants.add(new StringBuilder());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			char[] initials = initials(c);
			if (initials.length == 0) {
				continue;
			}
			List<StringBuilder> alternatives = new ArrayList<>();
			for (StringBuilder v : variants) {
				boolean first = true;
				String before = v.toString();
				for (char initial : initials) {
					if (first) {
						v.append(initial);
						first = false;
					}
					else if (variants.size() + alternatives.size() < MAX_VARIANTS) {
						alternatives.add(new StringBuilder(before).append(initial));
					}
				}
			}
			variants.addAll(alternatives);
		}
		StringBuilder out = new StringBuilder();
		for (StringBuilder v : variants) {
			if (!out.isEmpty()) {
				out.append(' ');
			}
			out.append(v);
		}
		return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
	}

	/**
	 * The lower-case search form of what a user typed: letters and digits only, so {@code HHHT} finds
	 * {@code 呼和浩特}.
	 */
	public static String query(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
			if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** {@code LIKE} pattern of {@link #query(String)} anywhere in the stored initials; blank when there is none. */
	public static String pattern(String text) {
		String q = query(text);
		return q.isEmpty() ? "" : "%" + q + "%";
	}

	/** Whether {@code query} looks like initials (only ASCII letters), i.e. worth matching against them. */
	public static boolean isInitials(String query) {
		return query != null && !query.isBlank() && query.strip().chars().allMatch(c -> c < 128 && Character.isLetter(c));
	}

	/** The distinct initials of a character's readings, the common reading's first; none for other characters. */
	private static char[] initials(char c) {
		if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return new char[] { Character.toLowerCase(c) };
		}
		if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
			return NONE;
		}
		return HAN_INITIALS.computeIfAbsent(c, NameInitials::readingInitials);
	}

	private static char[] readingInitials(char c) {
		Set<Character> result = new LinkedHashSet<>();
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (readings != null) {
				for (String r : readings) {
					if (!r.isEmpty() && r.charAt(0) >= 'a' && r.charAt(0) <= 'z') {
						result.add(r.charAt(0));
					}
				}
			}
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
		char[] initials = new char[result.size()];
		int i = 0;
		for (char initial : result) {
			initials[i++] = initial;
		}
		return initials;
	}

}
