package org.wushe.region;

import java.time.Instant;

/**
 * Where loading of the region tree stands. {@code loaded} of {@code total} rows are in the database.
 */
public record RegionLoadStatus(State state, long loaded, long total, Instant startedAt, Instant finishedAt) {

	public enum State {
		NOT_STARTED, LOADING, READY, FAILED
	}

	public boolean isReady() {
		return state == State.READY;
	}

	public int percent() {
		return total == 0 ? 0 : (int) Math.min(100, loaded * 100 / total);
	}

}
