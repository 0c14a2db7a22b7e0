package org.wushe.shared.excel;

/**
 * Turns one non-blank cell into a typed value, or says why it cannot. Blank cells never reach a parser: the column
 * decides whether blank is allowed. See {@link CellParsers} for the common ones.
 *
 * @param <V> the value type
 */
@FunctionalInterface
public interface CellParser<V> {

	V parse(CellValue cell, Labels labels) throws CellProblem;

	/** What the instructions sheet says about this column's format, in the user's language, or {@code null}. */
	default String hint(Labels labels) {
		return null;
	}

	/** Whether the template formats this column as text, so that Excel keeps codes and long digit strings as typed. */
	default boolean keepsText() {
		return false;
	}

	/** The labels a template offers as a drop-down list, or an empty list. */
	default java.util.List<String> choices(Labels labels) {
		return java.util.List.of();
	}

}
