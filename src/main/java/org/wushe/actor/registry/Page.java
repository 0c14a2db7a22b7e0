package org.wushe.actor.registry;

import java.util.List;

import org.wushe.region.ListQuery;

/** One page of a list: the rows, whether more follow, and the page number (from 0). */
public record Page<T>(List<T> rows, boolean hasNext, int number) {

	/** Cuts a list fetched with one row too many into a page. */
	public static <T> Page<T> of(List<T> fetched, int size, int number) {
		return new Page<>(fetched.subList(0, Math.min(fetched.size(), size)), fetched.size() > size, number);
	}

	/** The page of {@code query} out of rows fetched with one row too many. */
	public static <T> Page<T> of(List<T> fetched, ListQuery query) {
		return of(fetched, query.size(), query.page());
	}

	public boolean isEmpty() {
		return rows.isEmpty();
	}

}
