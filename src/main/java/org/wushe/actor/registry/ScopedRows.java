package org.wushe.actor.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.personal.SealedValue;
import org.wushe.region.RegionScope;

/**
 * The SQL steps every registry repository takes the same way: one row in the caller's region scope, a page or all of
 * a list, counts per child region, the state of a row locked before an update, and a sealed personal value stored in
 * its three columns ({@code <column>_cipher}, {@code _hash}, {@code _masked}). Table and column names passed here are
 * the registries' own constants, never user input; the scope and every value are bound parameters.
 */
public final class ScopedRows {

	private ScopedRows() {
	}

	/** {@code sql} with the scope's code range bound as {@code :from} and {@code :to}. */
	public static JdbcClient.StatementSpec inScope(JdbcClient jdbc, String sql, RegionScope scope) {
		return jdbc.sql(sql).param("from", scope.from()).param("to", scope.to());
	}

	/** The one row {@code sql} finds by {@code :key} inside the scope ({@code :from}, {@code :to}). */
	public static <T> Optional<T> one(JdbcClient jdbc, String sql, RegionScope scope, Object key, RowMapper<T> map) {
		return inScope(jdbc, sql, scope).param("key", key).query(map).optional();
	}

	/** As {@link #one(JdbcClient, String, RegionScope, Object, RowMapper)}, for a single column or a record. */
	public static <T> Optional<T> one(JdbcClient jdbc, String sql, RegionScope scope, Object key, Class<T> type) {
		return inScope(jdbc, sql, scope).param("key", key).query(type).optional();
	}

	/** A page of a list: {@code size} rows from {@code offset}, and one more to tell whether another page follows. */
	public static <T> List<T> page(JdbcClient.StatementSpec spec, int size, int offset, RowMapper<T> map) {
		return spec.param("limit", size + 1).param("offset", offset).query(map).list();
	}

	/** Binds {@code :limit} and {@code :offset} for every matching row, for exports. */
	public static JdbcClient.StatementSpec all(JdbcClient.StatementSpec spec) {
		return spec.param("limit", Integer.MAX_VALUE).param("offset", 0);
	}

	/**
	 * Rows of {@code table} in the scope per child region (code prefix of {@code prefixLength}), split by
	 * {@code category} (a column or an expression), counting only rows where {@code where} holds.
	 */
	public static List<RegionBreakdown.Part> perChild(JdbcClient jdbc, String table, String category, String where,
			RegionScope scope, int prefixLength) {
		return inScope(jdbc, """
				SELECT t.prefix, t.category, COUNT(*) AS n
				FROM (SELECT SUBSTRING(region_code, 1, :length) AS prefix, %s AS category FROM %s
				      WHERE region_code >= :from AND region_code < :to AND %s) t
				GROUP BY t.prefix, t.category
				""".formatted(category, table, where), scope)
			.param("length", prefixLength)
			.query((rs, n) -> new RegionBreakdown.Part(rs.getString("prefix"), rs.getString("category"),
					rs.getLong("n")))
			.list();
	}

	/** What {@code sql} reads of row {@code :id}, locking it for the update that follows; null when there is none. */
	public static <T> T locked(JdbcClient jdbc, String sql, long id, RowMapper<T> map) {
		return jdbc.sql(sql + " FOR UPDATE").param("id", id).query(map).optional().orElse(null);
	}

	/** Puts {@code value} as {@code <name>Cipher}, {@code <name>Hash} and {@code <name>Masked} (nulls when absent). */
	public static void putSealed(Map<String, Object> params, String name, SealedValue value) {
		params.putAll(sealed(name, value));
	}

	/** {@code value} as the parameters {@code <name>Cipher}, {@code <name>Hash} and {@code <name>Masked}. */
	public static Map<String, Object> sealed(String name, SealedValue value) {
		Map<String, Object> params = new HashMap<>();
		params.put(name + "Cipher", value == null ? null : value.cipherText());
		params.put(name + "Hash", value == null ? null : value.searchHash());
		params.put(name + "Masked", value == null ? null : value.masked());
		return params;
	}

	/**
	 * Stores {@code value} (null clears it) in the three columns of {@code column} of the row of {@code table} whose
	 * {@code keyColumn} is {@code key}.
	 */
	public static void reseal(JdbcClient jdbc, String table, String column, SealedValue value, String keyColumn,
			Object key) {
		jdbc.sql("UPDATE %1$s SET %2$s_cipher = :cipher, %2$s_hash = :hash, %2$s_masked = :masked WHERE %3$s = :key"
			.formatted(table, column, keyColumn))
			.param("cipher", value == null ? null : value.cipherText())
			.param("hash", value == null ? null : value.searchHash())
			.param("masked", value == null ? null : value.masked())
			.param("key", key)
			.update();
	}

}
