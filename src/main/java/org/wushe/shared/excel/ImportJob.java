package org.wushe.shared.excel;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One import, running or finished, as a page polls it: how many rows were read (of how many, if the file says), how
 * many stored, and every problem found. Safe to read from any thread while the import runs.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class ImportJob {

	/** Where an import stands. */
	public enum State {

		/** Waiting for a free worker. */
		QUEUED,
		/** Reading and storing rows. */
		RUNNING,
		/** Finished; {@link #stored()} rows are stored (some rows may have been skipped in VALID mode). */
		SUCCEEDED,
		/** Finished without storing anything: rows were wrong in ALL mode, or the file could not be read. */
		REJECTED,
		/** Broke off on an unexpected failure; nothing was stored. */
		FAILED;

		public String messageKey() {
			return "excel.job.state." + name().toLowerCase(Locale.ROOT);
		}

		public boolean isFinished() {
			return this == SUCCEEDED || this == REJECTED || this == FAILED;
		}

	}

	private final String id;

	private final String owner;

	private final ImportMode mode;

	private final String fileName;

	private final long totalRows;

	private final int maxErrorsShown;

	private final Instant createdAt;

	private volatile State state = State.QUEUED;

	private volatile long rowsRead;

	private volatile long stored;

	private volatile long errorRows;

	private volatile long errorCount;

	private volatile String problem;

	private volatile Instant finishedAt;

	private final List<ImportError> errors = Collections.synchronizedList(new ArrayList<>());

	public String id() {
		return id;
	}

	/** Who started it; only they may see it. */
	public String owner() {
		return owner;
	}

	public ImportMode mode() {
		return mode;
	}

	public String fileName() {
		return fileName;
	}

	public State state() {
		return state;
	}

	public boolean isFinished() {
		return state.isFinished();
	}

	/** Data rows read so far (blank rows not counted). */
	public long rowsRead() {
		return rowsRead;
	}

	/** Data rows the file announces, or -1 when it does not say. */
	public long totalRows() {
		return totalRows;
	}

	/** 0–100 when the total is known, else -1. */
	public int percent() {
		if (state.isFinished()) {
			return 100;
		}
		return totalRows <= 0 ? -1 : (int) Math.min(99, rowsRead * 100 / totalRows);
	}

	/** Rows stored (committed once the job has succeeded). */
	public long stored() {
		return state == State.REJECTED || state == State.FAILED ? 0 : stored;
	}

	/** Rows with at least one problem. */
	public long errorRows() {
		return errorRows;
	}

	/** All problems found, including those not kept for display. */
	public long errorCount() {
		return errorCount;
	}

	/** The problems kept for display, in row order (at most the configured number). */
	public List<ImportError> errors() {
		synchronized (errors) {
			return List.copyOf(errors);
		}
	}

	public boolean errorsTruncated() {
		return errorCount > errors.size();
	}

	public int maxErrorsShown() {
		return maxErrorsShown;
	}

	/** Why the whole file was refused or failed, in the user's language, or {@code null}. */
	public String problem() {
		return problem;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant finishedAt() {
		return finishedAt;
	}

	void running() {
		state = State.RUNNING;
	}

	void progress(long rows, long storedRows) {
		rowsRead = rows;
		stored = storedRows;
	}

	void addErrors(List<ImportError> rowErrors) {
		errorRows++;
		errorCount += rowErrors.size();
		synchronized (errors) {
			for (ImportError e : rowErrors) {
				if (errors.size() < maxErrorsShown) {
					errors.add(e);
				}
			}
		}
	}

	/** Sets what a stored snapshot of the job says (a job polled from another node). */
	void restore(State storedState, long rows, long storedRows, long wrongRows, long problems, String problemText,
			Instant finished, List<ImportError> kept) {
		state = storedState;
		rowsRead = rows;
		stored = storedRows;
		errorRows = wrongRows;
		errorCount = problems;
		problem = problemText;
		finishedAt = finished;
		synchronized (errors) {
			errors.clear();
			errors.addAll(kept);
		}
	}

	void finish(State end, String problemText, Instant at) {
		problem = problemText;
		finishedAt = at;
		state = end;
	}

}
