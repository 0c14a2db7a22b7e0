package org.wushe.activity;

import java.util.List;

/**
 * What an import did: how many records it stored, and why rows were refused.
 *
 * @param rejectedRows how many rows were refused (a row may have several problems)
 * @param rejected one entry per unreadable cell, at most {@link ActivityImport#MAX_PROBLEMS}
 * @param truncated whether more problems were found than listed
 */
public record ImportResult(int imported, int rejectedRows, List<Problem> rejected, boolean truncated) {

	/** One unreadable cell: the Excel row number, the column letter and a Chinese explanation naming both. */
	public record Problem(int row, String column, String message) {
	}

}
