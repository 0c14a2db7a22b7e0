package org.wushe.activity;

import org.wushe.shared.excel.CellProblem;

/**
 * A value as people write it (in a form or a workbook cell) that cannot be read: the same message key and arguments
 * as a cell's {@link CellProblem}, unchecked, since it is thrown from deep inside the readers of dates and amounts; the
 * caller adds the field, or the row and column.
 */
public class Unreadable extends RuntimeException {

	private final transient CellProblem problem;

	public Unreadable(String messageKey, Object... args) {
		super(messageKey, null, false, false);
		this.problem = new CellProblem(messageKey, args);
	}

	public String messageKey() {
		return problem.messageKey();
	}

	public Object[] args() {
		return problem.args();
	}

}
