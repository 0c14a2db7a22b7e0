package org.wushe.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which database a connection talks to, for the few statements that differ between PostgreSQL and H2. */
public final class Databases {

	private Databases() {
	}

	/** What each data source was found to be, asked once per data source. */
	private static final Map<DataSource, Boolean> KNOWN = new WeakHashMap<>();

	public static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}

	/**
	 * Whether the data source is PostgreSQL: asked with a connection of its own the first time, then remembered. For
	 * callers outside a transaction.
	 */
	public static boolean isPostgres(DataSource dataSource) {
		return remembered(dataSource, () -> {
			try (Connection c = dataSource.getConnection()) {
				return isPostgres(c);
			}
			catch (SQLException ex) {
				throw new DataAccessResourceFailureException("database not reachable", ex);
			}
		});
	}

	/**
	 * Whether the template's data source is PostgreSQL: asked the first time with the connection the template would
	 * use (the current transaction's, inside one, so that no second connection is taken), then remembered.
	 */
	public static boolean isPostgres(JdbcTemplate jdbc) {
		return remembered(jdbc.getDataSource(),
				() -> Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) Databases::isPostgres)));
	}

	private static boolean remembered(DataSource dataSource, Supplier<Boolean> ask) {
		synchronized (KNOWN) {
			Boolean known = KNOWN.get(dataSource);
			if (known != null) {
				return known;
			}
		}
		boolean postgres = ask.get();
		synchronized (KNOWN) {
			KNOWN.put(dataSource, postgres);
		}
		return postgres;
	}

}
