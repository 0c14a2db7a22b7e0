package org.wushe.volunteering;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** One JDBC batch insert of many rows that answers their generated ids, in row order (PostgreSQL and H2 alike). */
final class BatchInserts {

	/** Fills one row of a batch insert. */
	interface Row {

		void set(PreparedStatement ps, int i) throws SQLException;

	}

	private BatchInserts() {
	}

	/** Inserts {@code rows} rows with {@code sql}, each filled by {@code row}; answers the generated ids. */
	static List<Long> insert(JdbcTemplate template, String sql, int rows, Row row) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		template.batchUpdate(con -> con.prepareStatement(sql, new String[] { "id" }), new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				row.set(ps, i);
			}

			@Override
			public int getBatchSize() {
				return rows;
			}
		}, keys);
		List<Long> ids = new ArrayList<>(rows);
		for (Map<String, Object> k : keys.getKeyList()) {
			ids.add(((Number) k.values().iterator().next()).longValue());
		}
		if (ids.size() != rows) {
			throw new IllegalStateException("expected " + rows + " generated ids, got " + ids.size());
		}
		return ids;
	}

}
