package org.wushe.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/** Which database a connection talks to, for the few statements that differ between PostgreSQL and H2. */
public final class Databases {

	private Databases() {
	}

	public static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}

	/**
	 * Has PostgreSQL plan the statement at each execution, for the table's size then, instead of keeping the plan it
	 * made on the statement's first executions. For a look-up in a table that may grow from empty by thousands of rows
	 * a second: a plan kept from when the table had a few pages scans the whole table, and keeps doing so as it grows,
	 * until the table is next analyzed. No effect on other databases.
	 */
	public static PreparedStatement planEachExecution(PreparedStatement statement) throws SQLException {
		if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
			statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
		}
		return statement;
	}

}
