package org.wushe.region;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL steps every region-scoped list takes the same way: one row in the caller's region scope, a page or all of a
 * list, and the state of a row locked before an update. Table and column names in the SQL are the callers' own
 * constants, never user input; the scope and every value are bound parameters.
 */
public final class ScopedRows {

	private ScopedRows() {
	}

	/** {@code sql} with the scope's code range bound as {@code :from} and {@code :to}. */
	public static JdbcClient.StatementSpec inScope(JdbcClient jdbc, String sql, RegionScope scope) {
		return inScope(jdbc.sql(sql), scope);
	}

	/** {@code spec} with the scope's code range bound as {@code :from} and {@code :to}. */
	public static JdbcClient.StatementSpec inScope(JdbcClient.StatementSpec spec, RegionScope scope) {
		return spec.param("from", scope.from()).param("to", scope.to());
	}

	/** The one row {@code sql} finds by {@code :key} inside the scope ({@code :from}, {@code :to}). */
	public static <T> Optional<T> one(JdbcClient jdbc, String sql, RegionScope scope, Object key, RowMapper<T> map) {
		return inScope(jdbc, sql, scope).param("key", key).query(map).optional();
	}

	/** As {@link #one(JdbcClient, String, RegionScope, Object, RowMapper)}, for a single column or a record. */
	public static <T> Optional<T> one(JdbcClient jdbc, String sql, RegionScope scope, Object key, Class<T> type) {
		return inScope(jdbc, sql, scope).param("key", key).query(type).optional();
	}

	/**
	 * The row of {@code selectFrom} (the columns and the tables, without {@code SELECT}) whose {@code keyColumn} of
	 * the table aliased {@code alias} is {@code key}, if that table's {@code region_code} lies inside the scope.
	 */
	public static <T> Optional<T> find(JdbcClient jdbc, String selectFrom, String alias, String keyColumn,
			RegionScope scope, Object key, RowMapper<T> map) {
		return one(jdbc, "SELECT %1$s WHERE %2$s.%3$s = :key AND %2$s.region_code >= :from AND %2$s.region_code < :to"
			.formatted(selectFrom, alias, keyColumn), scope, key, map);
	}

	/** Binds {@code :limit} and {@code :offset}: {@code size} rows from {@code offset}, and one more to tell whether
	 * another page follows. */
	public static JdbcClient.StatementSpec window(JdbcClient.StatementSpec spec, int size, int offset) {
		return spec.param("limit", size + 1).param("offset", offset);
	}

	/** A page of a list: {@code size} rows from {@code offset}, and one more to tell whether another page follows. */
	public static <T> List<T> page(JdbcClient.StatementSpec spec, int size, int offset, RowMapper<T> map) {
		return window(spec, size, offset).query(map).list();
	}

	/** Binds {@code :limit} and {@code :offset} for every matching row, for exports. */
	public static JdbcClient.StatementSpec all(JdbcClient.StatementSpec spec) {
		return spec.param("limit", Integer.MAX_VALUE).param("offset", 0);
	}

	/** What {@code sql} reads of row {@code :id}, locking it for the update that follows; null when there is none. */
	public static <T> T locked(JdbcClient jdbc, String sql, long id, RowMapper<T> map) {
		return jdbc.sql(sql + " FOR UPDATE").param("id", id).query(map).optional().orElse(null);
	}

}
