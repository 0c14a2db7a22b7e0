package org.wushe.shared.excel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of an import file: the data sheet's name, its columns in template order, and extra lines for the
 * 填写说明 sheet. The same layout writes the template and checks an upload, so they cannot drift apart.
 *
 * @param sheetNameKey message key of the data sheet's name
 * @param columns the columns in template order
 * @param instructionKeys message keys of module-specific instruction lines, after the general ones
 */
public record ExcelLayout(String sheetNameKey, List<ExcelColumn<?>> columns, List<String> instructionKeys) {

	public ExcelLayout {
		columns = List.copyOf(columns);
		instructionKeys = List.copyOf(instructionKeys);
		Set<String> keys = new HashSet<>();
		for (ExcelColumn<?> c : columns) {
			if (!keys.add(c.headerKey())) {
				throw new IllegalArgumentException("duplicate column " + c.headerKey());
			}
		}
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("no columns");
		}
	}

	public ExcelLayout(String sheetNameKey, List<ExcelColumn<?>> columns) {
		this(sheetNameKey, columns, List.of());
	}

	/** Position of {@code column} in this layout (by identity), or -1. */
	public int indexOf(ExcelColumn<?> column) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i) == column) {
				return i;
			}
		}
		return -1;
	}

	/** The column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
	public static String letter(int index) {
		StringBuilder b = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			b.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return b.toString();
	}

}
