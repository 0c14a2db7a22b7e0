package org.wushe.shared.excel;

import java.util.List;

/**
 * What a module supplies to import one file: the layout, how a parsed row becomes a domain item, and how a batch of
 * items is stored. Create one plan per import: it may remember what earlier rows contained (to find duplicates within
 * the file).
 * <p>
 * {@link #convert} and {@link #store} run inside the import's single transaction, in the order of the rows; in
 * {@link ImportMode#ALL} nothing is stored once a row is wrong, and the transaction is rolled back at the end. Items
 * handed to {@link #store} passed {@link #convert}; a store that still finds a conflict throws, and the whole import
 * fails without storing anything.
 *
 * @param <T> the domain item of one row
 */
public interface ImportPlan<T> {

	ExcelLayout layout();

	/**
	 * Called before {@link #convert} with the next rows of the file (up to one batch), in order: a plan may look up
	 * in the database at once what it would otherwise ask once per row (e.g. which ID numbers are registered), and
	 * answer from that in {@link #convert}. Rows with cell errors are included; they are not converted.
	 */
	default void prepare(List<ImportRow> rows) {
	}

	/**
	 * The domain item of a row whose cells all parsed, or {@code null} after reporting a problem with
	 * {@link ImportRow#reject} (for rules that need more than one cell or the database: scope, duplicates).
	 */
	T convert(ImportRow row);

	/** Stores a batch of converted items. */
	void store(List<T> batch);

	/**
	 * Called once after the last batch, in the same transaction, when the import is going to commit: for work that is
	 * cheaper once per file than once per batch (summaries, counters, one audit record).
	 */
	default void finish() {
	}

}
