package org.wushe.site;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin initials of a name, for search: 海拉尔东路街道社工站 → {@code hledljdsgz}. Characters with several
 * readings (长 chang/zhang, 行 hang/xing) give several spellings, joined by {@code |} and capped, so that a search for
 * either reading finds the name. Letters and digits in the name are kept (lower case); other characters dropped.
 */
public final class PinyinInitials {

	static final int MAX_VARIANTS = 8;

	static final int MAX_LENGTH = 400;

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
	}

	private PinyinInitials() {
	}

	/** The initials of {@code name}; variants separated by {@code |}. */
	public static String of(String name) {
		List<StringBuilder> variants = new ArrayList<>();
		variants.add(new StringBuilder());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			Set<Character> initials = initials(c);
			if (initials.isEmpty()) {
				continue;
			}
			List<StringBuilder> next = new ArrayList<>();
			for (StringBuilder v : variants) {
				for (char initial : initials) {
					if (next.size() >= MAX_VARIANTS) {
						break;
					}
					next.add(new StringBuilder(v).append(initial));
				}
			}
			variants = next;
		}
		String joined = String.join("|", variants);
		return joined.length() > MAX_LENGTH ? variants.get(0).toString() : joined;
	}

	/** Whether {@code query} looks like initials (only ASCII letters), i.e. worth matching against them. */
	public static boolean isInitials(String query) {
		return query != null && !query.isBlank() && query.strip().chars().allMatch(c -> c < 128 && Character.isLetter(c));
	}

	private static Set<Character> initials(char c) {
		Set<Character> result = new LinkedHashSet<>();
		if (c < 128) {
			if (Character.isLetterOrDigit(c)) {
				result.add(Character.toLowerCase(c));
			}
			return result;
		}
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (readings != null) {
				for (String r : readings) {
					if (!r.isEmpty()) {
						result.add(r.toLowerCase(Locale.ROOT).charAt(0));
					}
				}
			}
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			// cannot happen with the format above
		}
		return result;
	}

}
