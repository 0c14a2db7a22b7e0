package org.wushe.shared.excel;

import java.util.List;

/**
 * An export's shape: a title row (message key and arguments; arguments that are keys are resolved), the sheet name,
 * and the columns.
 *
 * @param <T> the row type
 */
public record ExcelReport<T>(String titleKey, List<Object> titleArgs, String sheetNameKey,
		List<ExportColumn<T>> columns) {

	public ExcelReport {
		titleArgs = titleArgs == null ? List.of() : List.copyOf(titleArgs);
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("no columns");
		}
	}

	public boolean hasGroups() {
		return columns.stream().anyMatch(c -> c.groupKey() != null);
	}

}
