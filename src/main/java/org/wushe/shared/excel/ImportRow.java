package org.wushe.shared.excel;

import java.util.ArrayList;
import java.util.List;

/**
 * One data row after its cells were parsed: typed values by column, and the problems found so far. Plans read values
 * with {@link #get} and add rule violations with {@link #reject}.
 */
public final class ImportRow {

	private final int number;

	private final ExcelLayout layout;

	private final String[] letters;

	private final Object[] values;

	private final Labels labels;

	private final List<ImportError> errors = new ArrayList<>(2);

	ImportRow(int number, ExcelLayout layout, String[] letters, Labels labels) {
		this.number = number;
		this.layout = layout;
		this.letters = letters;
		this.values = new Object[layout.columns().size()];
		this.labels = labels;
	}

	/** The row number as Excel shows it. */
	public int number() {
		return number;
	}

	/** The parsed value of {@code column}, or {@code null} if it was blank or could not be read. */
	@SuppressWarnings("unchecked")
	public <V> V get(ExcelColumn<V> column) {
		int i = layout.indexOf(column);
		if (i < 0) {
			throw new IllegalArgumentException(column + " is not in this layout");
		}
		return (V) values[i];
	}

	/** Reports a problem with the cell of {@code column}; the row will not be stored. */
	public void reject(ExcelColumn<?> column, String messageKey, Object... args) {
		int i = layout.indexOf(column);
		if (i < 0) {
			throw new IllegalArgumentException(column + " is not in this layout");
		}
		errors.add(new ImportError(number, letters[i], labels.text(column.headerKey()),
				labels.text(messageKey, args)));
	}

	/** Reports a problem of the row as a whole; the row will not be stored. */
	public void rejectRow(String messageKey, Object... args) {
		errors.add(new ImportError(number, "", "", labels.text(messageKey, args)));
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	public List<ImportError> errors() {
		return List.copyOf(errors);
	}

	void set(int index, Object value) {
		values[index] = value;
	}

	void cellError(int index, CellProblem problem) {
		errors.add(new ImportError(number, letters[index], labels.text(layout.columns().get(index).headerKey()),
				labels.text(problem.messageKey(), problem.args())));
	}

	List<ImportError> rawErrors() {
		return errors;
	}

}
