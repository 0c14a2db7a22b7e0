package org.wushe.personal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.region.RegionScope;
import org.wushe.region.ScopedRows;

/**
 * A sealed personal value stored in its three columns ({@code <column>_cipher}, {@code _hash}, {@code _masked}).
 * Table and column names passed here are the callers' own constants, never user input; every value is a bound
 * parameter.
 */
public final class SealedColumns {

	private SealedColumns() {
	}

	/** Puts {@code value} as {@code <name>Cipher}, {@code <name>Hash} and {@code <name>Masked} (nulls when absent). */
	public static void put(Map<String, Object> params, String name, SealedValue value) {
		params.putAll(params(name, value));
	}

	/** {@code value} as the parameters {@code <name>Cipher}, {@code <name>Hash} and {@code <name>Masked}. */
	public static Map<String, Object> params(String name, SealedValue value) {
		Map<String, Object> params = new HashMap<>();
		params.put(name + "Cipher", value == null ? null : value.cipherText());
		params.put(name + "Hash", value == null ? null : value.searchHash());
		params.put(name + "Masked", value == null ? null : value.masked());
		return params;
	}

	/**
	 * The ciphertext of {@code column} of the row of {@code table} whose {@code keyColumn} is {@code key}, if the row
	 * lies inside the scope and holds a value.
	 */
	public static Optional<String> cipher(JdbcClient jdbc, String table, String column, String keyColumn,
			RegionScope scope, Object key) {
		return ScopedRows.one(jdbc, """
				SELECT %2$s_cipher FROM %1$s
				WHERE %3$s = :key AND region_code >= :from AND region_code < :to AND %2$s_cipher IS NOT NULL
				""".formatted(table, column, keyColumn), scope, key, String.class);
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
