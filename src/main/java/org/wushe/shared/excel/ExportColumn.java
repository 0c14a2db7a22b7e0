package org.wushe.shared.excel;

import java.util.function.Function;

/**
 * One column of an export: header (message key), optional group header merged above neighbouring columns of the same
 * group, the kind of cell, the width, and how the value is taken from a row.
 *
 * @param <T> the row type
 */
public record ExportColumn<T>(String headerKey, String groupKey, Kind kind, double width, Function<T, ?> value) {

	/** How a value is written. */
	public enum Kind {

		/** Text, as is. */
		TEXT,
		/** A whole number, as a number. */
		INTEGER,
		/** A decimal number, as a number. */
		DECIMAL,
		/** Yuan, as a number with two decimals and thousands separators. */
		MONEY,
		/** A {@code LocalDate}. */
		DATE,
		/** An {@code Instant} or {@code LocalDateTime}, shown in Asia/Shanghai. */
		DATE_TIME,
		/** A message key (enum labels), written as its text in the current language. */
		LABEL,
		/** A fraction 0..1, as a percentage with one decimal. */
		PERCENT

	}

	public static <T> ExportColumn<T> text(String headerKey, Function<T, ?> value) {
		return new ExportColumn<>(headerKey, null, Kind.TEXT, 18, value);
	}

	public static <T> ExportColumn<T> integer(String headerKey, Function<T, ? extends Number> value) {
		return new ExportColumn<>(headerKey, null, Kind.INTEGER, 12, value);
	}

	public static <T> ExportColumn<T> decimal(String headerKey, Function<T, ? extends Number> value) {
		return new ExportColumn<>(headerKey, null, Kind.DECIMAL, 12, value);
	}

	public static <T> ExportColumn<T> money(String headerKey, Function<T, ? extends Number> value) {
		return new ExportColumn<>(headerKey, null, Kind.MONEY, 16, value);
	}

	public static <T> ExportColumn<T> date(String headerKey, Function<T, ?> value) {
		return new ExportColumn<>(headerKey, null, Kind.DATE, 12, value);
	}

	public static <T> ExportColumn<T> dateTime(String headerKey, Function<T, ?> value) {
		return new ExportColumn<>(headerKey, null, Kind.DATE_TIME, 18, value);
	}

	public static <T> ExportColumn<T> label(String headerKey, Function<T, String> messageKey) {
		return new ExportColumn<>(headerKey, null, Kind.LABEL, 12, messageKey);
	}

	public static <T> ExportColumn<T> percent(String headerKey, Function<T, ? extends Number> value) {
		return new ExportColumn<>(headerKey, null, Kind.PERCENT, 10, value);
	}

	/** The same column under a group header (message key), merged across neighbours of the same group. */
	public ExportColumn<T> group(String key) {
		return new ExportColumn<>(headerKey, key, kind, width, value);
	}

	public ExportColumn<T> width(double characters) {
		return new ExportColumn<>(headerKey, groupKey, kind, characters, value);
	}

}
