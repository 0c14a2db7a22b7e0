package org.wushe.region;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.shared.Like;
import org.wushe.shared.NameInitials;

/**
 * The filters of a region-scoped list (the registries, the charity lists): the effective region subtree (already
 * narrowed to the user's scope), a search text matched against the name and its pinyin initials, a kind and a status
 * (blank = any; lists without them leave them unused), and the page window.
 */
public record ListQuery(RegionScope scope, String text, String kind, String status, int offset, int size) {

	public static final int MAX_SIZE = 500;

	public ListQuery {
		text = text == null ? "" : text.strip();
		kind = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
		status = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
		offset = Math.max(offset, 0);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
	}

	/** The same filters without a window, for exports and counts. */
	public ListQuery all() {
		return new ListQuery(scope, text, kind, status, 0, MAX_SIZE);
	}

	/** The page number (from 0) this window shows. */
	public int page() {
		return offset / size;
	}

	/** {@code LIKE} pattern of the lower-cased text, with {@code \} as escape; {@code %} when blank. */
	public String namePattern() {
		return Like.containing(text.toLowerCase(Locale.ROOT));
	}

	/** {@code LIKE} pattern of the text as pinyin initials, or a pattern that matches nothing useful when empty. */
	public String initialsPattern() {
		return NameInitials.pattern(text);
	}

	/**
	 * The named parameters of a list's SQL: {@code from}, {@code to} (the scope), {@code kind}, {@code status},
	 * {@code text}, {@code pattern} ({@link #namePattern()}) and {@code initials} ({@link #initialsPattern()}).
	 */
	public Map<String, Object> params() {
		return Map.of("from", scope.from(), "to", scope.to(), "kind", kind, "status", status, "text", text, "pattern",
				namePattern(), "initials", initialsPattern());
	}

	/** This page of what the list query {@code sql} finds, and one row more to tell whether another page follows. */
	public <T> List<T> page(JdbcClient jdbc, String sql, RowMapper<T> map) {
		return ScopedRows.page(jdbc.sql(sql).params(params()), size, offset, map);
	}

	/** Every row the list query {@code sql} finds, for exports; close the stream, inside a transaction. */
	public <T> Stream<T> stream(JdbcClient streaming, String sql, RowMapper<T> map) {
		return ScopedRows.all(streaming.sql(sql).params(params())).query(map).stream();
	}

}
