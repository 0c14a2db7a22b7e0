package org.wushe.charity.support;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.shared.Like;
import org.wushe.shared.NameInitials;
import org.wushe.region.ScopedRows;
import org.wushe.region.RegionScope;

/** The filters of a charity list: region subtree (already in scope), text, kind, and the page window. */
public record CharityFilter(RegionScope scope, String text, String kind, int offset, int size) {

	public static final int MAX_SIZE = 500;

	public CharityFilter {
		text = text == null ? "" : text.strip();
		kind = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
		offset = Math.max(offset, 0);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
	}

	public String namePattern() {
		return Like.containing(text.toLowerCase(Locale.ROOT));
	}

	public String initialsPattern() {
		return NameInitials.pattern(text);
	}

	/**
	 * Binds what every charity list query filters by: the scope's code range ({@code :from}, {@code :to}), the name
	 * search ({@code :text}, {@code :pattern}, {@code :initials}) and the kind ({@code :kind}, blank = any; lists
	 * without kinds leave it unused).
	 */
	public JdbcClient.StatementSpec bindSearch(JdbcClient.StatementSpec spec) {
		return ScopedRows.inScope(spec, scope)
			.param("text", text)
			.param("pattern", namePattern())
			.param("initials", initialsPattern())
			.param("kind", kind);
	}

	/** This page of what the list query {@code sql} finds, and one row more to tell whether another page follows. */
	public <T> List<T> page(JdbcClient jdbc, String sql, RowMapper<T> map) {
		return bindPage(bindSearch(jdbc.sql(sql))).query(map).list();
	}

	/** Every row the list query {@code sql} finds, for exports; close the stream, inside a transaction. */
	public <T> Stream<T> stream(JdbcClient streaming, String sql, RowMapper<T> map) {
		return bindAll(bindSearch(streaming.sql(sql))).query(map).stream();
	}

	/** Binds {@code :limit} and {@code :offset} for this page, one row more to tell whether another page follows. */
	public JdbcClient.StatementSpec bindPage(JdbcClient.StatementSpec spec) {
		return ScopedRows.window(spec, size, offset);
	}

	/** Binds {@code :limit} and {@code :offset} for every matching row, for exports. */
	public static JdbcClient.StatementSpec bindAll(JdbcClient.StatementSpec spec) {
		return ScopedRows.all(spec);
	}

	public int page() {
		return offset / size;
	}

}
