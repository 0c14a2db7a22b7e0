package org.wushe.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database a connection talks to, for the few statements that differ between PostgreSQL and H2. */
public final class Databases {

	private Databases() {
	}

	public static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}

}
