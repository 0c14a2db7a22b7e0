package org.wushe.shared.excel;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * One column of an import: its header (a message key, recognised in every language), how a cell is read, whether it
 * must be filled, and what the template shows as format note and example. Columns are compared by identity, so keep
 * each one in a constant or field and read values back with {@link ImportRow#get(ExcelColumn)}.
 *
 * @param <V> the type of the parsed value
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class ExcelColumn<V> {

	private final String headerKey;

	private final CellParser<V> parser;

	private final boolean required;

	private final String exampleKey;

	private final String noteKey;

	private final double width;

	/** An optional column read by {@code parser}. */
	public static <V> ExcelColumn<V> of(String headerKey, CellParser<V> parser) {
		return new ExcelColumn<>(headerKey, parser, false, null, null, 16);
	}

	public static ExcelColumn<String> text(String headerKey, int maxLength) {
		return of(headerKey, CellParsers.text(maxLength)).width(Math.min(40, Math.max(12, maxLength / 3.0)));
	}

	public static ExcelColumn<Integer> count(String headerKey) {
		return of(headerKey, CellParsers.integer(0)).width(12);
	}

	public static ExcelColumn<BigDecimal> yuan(String headerKey) {
		return of(headerKey, CellParsers.yuan()).width(16);
	}

	public static ExcelColumn<LocalDate> date(String headerKey) {
		return of(headerKey, CellParsers.date()).width(14);
	}

	public static <E extends Enum<E>> ExcelColumn<E> choice(String headerKey, List<E> values,
			Function<E, String> labelKey) {
		return of(headerKey, CellParsers.choice(values, labelKey)).width(14);
	}

	public static ExcelColumn<Boolean> yesNo(String headerKey) {
		return of(headerKey, CellParsers.yesNo()).width(10);
	}

	public static ExcelColumn<String> regionCode(String headerKey) {
		return of(headerKey, CellParsers.regionCode()).width(16);
	}

	/** The same column, but it must be filled. */
	public ExcelColumn<V> required() {
		return new ExcelColumn<>(headerKey, parser, true, exampleKey, noteKey, width);
	}

	/** The message key of the example the template shows for this column. */
	public ExcelColumn<V> example(String key) {
		return new ExcelColumn<>(headerKey, parser, required, key, noteKey, width);
	}

	/** The message key of a note the template adds to the format description. */
	public ExcelColumn<V> note(String key) {
		return new ExcelColumn<>(headerKey, parser, required, exampleKey, key, width);
	}

	/** Column width in characters, for templates. */
	public ExcelColumn<V> width(double characters) {
		return new ExcelColumn<>(headerKey, parser, required, exampleKey, noteKey, characters);
	}

	public String headerKey() {
		return headerKey;
	}

	public CellParser<V> parser() {
		return parser;
	}

	public boolean isRequired() {
		return required;
	}

	public String exampleKey() {
		return exampleKey;
	}

	public String noteKey() {
		return noteKey;
	}

	public double width() {
		return width;
	}

	@Override
	public String toString() {
		return "ExcelColumn[" + headerKey + (required ? ", required" : "") + "]";
	}

}
