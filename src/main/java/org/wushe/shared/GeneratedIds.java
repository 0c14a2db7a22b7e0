package org.wushe.shared;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Runs an {@code INSERT} into a table with a generated {@code id} and answers the new id (H2 and PostgreSQL). */
public final class GeneratedIds {

	private GeneratedIds() {
	}

	public static long returningId(JdbcClient.StatementSpec insert) {
		KeyHolder keys = new GeneratedKeyHolder();
		insert.update(keys, "id");
		Map<String, Object> row = keys.getKeys();
		if (row == null) {
			throw new IllegalStateException("no generated id");
		}
		for (Map.Entry<String, Object> e : row.entrySet()) {
			if (e.getKey().equalsIgnoreCase("id")) {
				return ((Number) e.getValue()).longValue();
			}
		}
		throw new IllegalStateException("no generated id in " + row.keySet());
	}

}
