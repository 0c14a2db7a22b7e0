package org.wushe.shared.excel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.wushe.shared.DateText;
import org.wushe.shared.HalfWidth;
import org.wushe.shared.Money;

/**
 * The parsers most columns need. Numbers, money, dates and codes accept what people actually type into Chinese
 * spreadsheets: full-width digits and punctuation, thousands separators, a trailing 元, dates such as 2024年3月5日.
 */
public final class CellParsers {

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");


	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private CellParsers() {
	}

	/** Text up to {@code maxLength} characters (counted as Unicode code points). */
	public static CellParser<String> text(int maxLength) {
		return new CellParser<>() {
			@Override
			public String parse(CellValue cell, Labels labels) throws CellProblem {
				if (cell.error() != null) {
					throw new CellProblem("excel.cell.formula-error", cell.error());
				}
				int length = cell.text().codePointCount(0, cell.text().length());
				if (length > maxLength) {
					throw new CellProblem("excel.cell.too-long", maxLength, length);
				}
				return cell.text();
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("excel.hint.text", maxLength);
			}

			@Override
			public boolean keepsText() {
				return true;
			}
		};
	}

	/** A whole number not below {@code min}. */
	public static CellParser<Integer> integer(int min) {
		return integer(min, Integer.MAX_VALUE);
	}

	/** A whole number between {@code min} and {@code max}. */
	public static CellParser<Integer> integer(int min, int max) {
		return new CellParser<>() {
			@Override
			public Integer parse(CellValue cell, Labels labels) throws CellProblem {
				BigDecimal value = number(cell, "excel.cell.not-integer");
				if (value.stripTrailingZeros().scale() > 0) {
					throw new CellProblem("excel.cell.not-integer");
				}
				if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
					throw new CellProblem("excel.cell.too-small", min);
				}
				if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
					throw new CellProblem("excel.cell.too-large", max);
				}
				return value.intValueExact();
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("excel.hint.integer", min);
			}
		};
	}

	/**
	 * A decimal number between {@code min} and {@code max} with at most {@code maxScale} decimals (coordinates,
	 * hours, areas). Full-width digits and thousands separators are accepted.
	 */
	public static CellParser<BigDecimal> decimal(BigDecimal min, BigDecimal max, int maxScale) {
		return new CellParser<>() {
			@Override
			public BigDecimal parse(CellValue cell, Labels labels) throws CellProblem {
				BigDecimal value = number(cell, "excel.cell.not-decimal");
				if (value.stripTrailingZeros().scale() > maxScale) {
					value = value.setScale(maxScale, RoundingMode.HALF_UP);
				}
				if (value.compareTo(min) < 0) {
					throw new CellProblem("excel.cell.too-small", min.toPlainString());
				}
				if (value.compareTo(max) > 0) {
					throw new CellProblem("excel.cell.too-large", max.toPlainString());
				}
				return value;
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("excel.hint.decimal", min.toPlainString(), max.toPlainString(), maxScale);
			}
		};
	}

	/**
	 * Money in yuan, not negative, at most two decimals, up to DECIMAL(14,2), read by the shared {@link Money}.
	 * Accepts {@code 1234.5}, {@code 1,234.50}, {@code １２３４．５０元}, {@code ¥1,234} and {@code 1.5万元}.
	 */
	public static CellParser<BigDecimal> yuan() {
		return new CellParser<>() {
			@Override
			public BigDecimal parse(CellValue cell, Labels labels) throws CellProblem {
				try {
					BigDecimal value = cell.isNumber() ? Money.ofNumber(cell.number()) : Money.parse(cell.text());
					if (value == null) {
						throw new CellProblem("excel.cell.not-yuan");
					}
					return value;
				}
				catch (Money.Refused ex) {
					throw switch (ex.problem()) {
						case FORMAT -> new CellProblem("excel.cell.not-yuan");
						case NEGATIVE -> new CellProblem("excel.cell.yuan-negative");
						case DECIMALS -> new CellProblem("excel.cell.yuan-scale");
						case TOO_LARGE -> new CellProblem("excel.cell.too-large", Money.MAX_YUAN.toPlainString());
					};
				}
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("excel.hint.yuan");
			}
		};
	}

	/**
	 * A date: an Excel date cell, or text such as {@code 2024-03-05}, {@code 2024/3/5}, {@code 2024.3.5},
	 * {@code 2024年3月5日}, {@code 20240305}, with full-width digits too.
	 */
	public static CellParser<LocalDate> date() {
		return new CellParser<>() {
			@Override
			public LocalDate parse(CellValue cell, Labels labels) throws CellProblem {
				if (cell.isNumber()) {
					try {
						return DateText.fromCell(cell.number(), cell.date1904());
					}
					catch (DateText.NotADate ex) {
						if (ex.impossible()) {
							throw new CellProblem("excel.cell.bad-date", ex.getMessage());
						}
						throw new CellProblem("excel.cell.not-date");
					}
				}
				return textDate(halfWidth(cell.text()).strip());
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("excel.hint.date");
			}
		};
	}

	static LocalDate textDate(String s) throws CellProblem {
		try {
			return DateText.parse(s);
		}
		catch (DateText.NotADate ex) {
			if (ex.impossible()) {
				throw new CellProblem("excel.cell.bad-date", s);
			}
			throw new CellProblem("excel.cell.not-date");
		}
	}

	/**
	 * One of {@code values}, written as its label (from {@code labelKey}, in any language) or its constant name.
	 */
	public static <E extends Enum<E>> CellParser<E> choice(List<E> values, Function<E, String> labelKey) {
		return new CellParser<>() {
			@Override
			public E parse(CellValue cell, Labels labels) throws CellProblem {
				String typed = normalizeLabel(cell.text());
				for (E value : values) {
					if (typed.equals(normalizeLabel(value.name()))) {
						return value;
					}
					for (String label : labels.variants(labelKey.apply(value))) {
						if (typed.equals(normalizeLabel(label))) {
							return value;
						}
					}
				}
				throw new CellProblem("excel.cell.not-choice", allowed(labels));
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("excel.hint.choice", allowed(labels));
			}

			@Override
			public List<String> choices(Labels labels) {
				List<String> shown = new ArrayList<>();
				values.forEach(v -> shown.add(labels.text(labelKey.apply(v))));
				return shown;
			}

			private String allowed(Labels labels) {
				return String.join(labels.text("excel.list-separator"), choices(labels));
			}
		};
	}

	/** 是 or 否 (also yes/no, Y/N, true/false, 1/0). */
	public static CellParser<Boolean> yesNo() {
		return new CellParser<>() {
			@Override
			public Boolean parse(CellValue cell, Labels labels) throws CellProblem {
				String typed = normalizeLabel(cell.text());
				if (labels.variants("excel.yes").stream().anyMatch(l -> normalizeLabel(l).equals(typed))
						|| List.of("y", "true", "1", "\u221a").contains(typed)) {
					return true;
				}
				if (labels.variants("excel.no").stream().anyMatch(l -> normalizeLabel(l).equals(typed))
						|| List.of("n", "false", "0", "\u00d7").contains(typed)) {
					return false;
				}
				throw new CellProblem("excel.cell.not-yes-no");
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("excel.hint.yes-no");
			}

			@Override
			public List<String> choices(Labels labels) {
				return List.of(labels.text("excel.yes"), labels.text("excel.no"));
			}
		};
	}

	/**
	 * An NBS region code at 6, 9 or 12 digits, or the 12-digit padded form; answered at its natural length
	 * ({@code 150102000000} → {@code 150102}). Whether the region exists and is in scope is for the caller to check.
	 */
	public static CellParser<String> regionCode() {
		return new CellParser<>() {
			@Override
			public String parse(CellValue cell, Labels labels) throws CellProblem {
				String s = halfWidth(cell.text()).replace(" ", "");
				if (!DIGITS.matcher(s).matches()) {
					throw new CellProblem("excel.cell.not-region");
				}
				if (s.length() == 12) {
					s = unpad(s);
				}
				if (s.length() != 2 && s.length() != 4 && s.length() != 6 && s.length() != 9 && s.length() != 12) {
					throw new CellProblem("excel.cell.not-region");
				}
				return s;
			}

			@Override
			public String hint(Labels labels) {
				return labels.text("excel.hint.region");
			}

			@Override
			public boolean keepsText() {
				return true;
			}
		};
	}

	private static String unpad(String padded) {
		int[] ends = { 2, 4, 6, 9, 12 };
		int end = 0;
		for (int i = 0; i < ends.length; i++) {
			int start = i == 0 ? 0 : ends[i - 1];
			if (!padded.substring(start, ends[i]).chars().allMatch(c -> c == '0')) {
				end = ends[i];
			}
		}
		return end == 0 ? padded : padded.substring(0, end);
	}

	private static BigDecimal number(CellValue cell, String messageKey) throws CellProblem {
		if (cell.isNumber()) {
			return cell.number();
		}
		String s = halfWidth(cell.text()).replace(" ", "");
		if (GROUPED.matcher(s).matches()) {
			s = s.replace(",", "");
		}
		if (!INTEGER.matcher(s).matches() && !DECIMAL.matcher(s).matches()) {
			throw new CellProblem(messageKey);
		}
		return new BigDecimal(s);
	}

	/** Full-width ASCII forms (０-９，．￥ and the ideographic space) as their ASCII twins: {@link HalfWidth#of}. */
	public static String halfWidth(String s) {
		return HalfWidth.of(s);
	}

	/** Strips ordinary, no-break and ideographic spaces from both ends. */
	public static String strip(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && isSpace(s.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(s.charAt(end - 1))) {
			end--;
		}
		return s.substring(start, end);
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000' || c == '\ufeff';
	}

	/** How headers and choice labels are compared: half-width, no spaces or asterisks, lower case. */
	static String normalizeLabel(String s) {
		StringBuilder b = new StringBuilder(s.length());
		String h = halfWidth(s);
		for (int i = 0; i < h.length(); i++) {
			char c = h.charAt(i);
			if (!isSpace(c) && c != '*') {
				b.append(c);
			}
		}
		return b.toString().toLowerCase(Locale.ROOT);
	}

	private static String stripPrefix(String s, String... prefixes) {
		for (String p : prefixes) {
			if (s.startsWith(p)) {
				return s.substring(p.length());
			}
		}
		return s;
	}

	private static String stripSuffix(String s, String... suffixes) {
		for (String p : suffixes) {
			if (s.endsWith(p)) {
				return s.substring(0, s.length() - p.length());
			}
		}
		return s;
	}

}
