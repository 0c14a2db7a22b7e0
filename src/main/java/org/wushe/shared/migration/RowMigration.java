package org.wushe.shared.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A Flyway migration written in Java, for the changes SQL cannot make the same way on H2 and PostgreSQL (encrypting a
 * column, random ids): it rewrites rows in batches on the migration's connection, inside the migration's transaction,
 * so a failure leaves every row as it was. Spring Boot hands the subclass beans to Flyway, which may so give them
 * other beans (the personal-data key). Flyway keeps no checksum for them.
 */
public abstract class RowMigration implements JavaMigration {

	/** Rows written in one JDBC batch. */
	static final int BATCH = 500;

	private final MigrationVersion version;

	private final String description;

	/**
	 * @param version the Flyway version, e.g. {@code "107"}
	 * @param description shown in Flyway's history table
	 */
	protected RowMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public final MigrationVersion getVersion() {
		return version;
	}

	@Override
	public final String getDescription() {
		return description;
	}

	@Override
	public final Integer getChecksum() {
		return null;
	}

	@Override
	public final boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public final void migrate(Context context) throws SQLException {
		migrate(context.getConnection());
	}

	/** Runs the migration on {@code connection} (left open); answers how many rows it rewrote. */
	protected final int migrate(Connection connection) throws SQLException {
		return migrate(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
	}

	/** The migration's work, on a template bound to the migration's connection; answers the rows it rewrote. */
	protected abstract int migrate(JdbcTemplate jdbc) throws SQLException;

	/** The arguments of the update for one row read by {@link #rewriteEach}. */
	@FunctionalInterface
	protected interface RowArguments {

		Object[] of(ResultSet row) throws SQLException;

	}

	/**
	 * Runs {@code update} once for every row {@code select} reads, with the arguments {@code arguments} makes of the
	 * row, in batches; answers how many rows it rewrote.
	 */
	protected static int rewriteEach(JdbcTemplate jdbc, String select, String update, RowArguments arguments) {
		List<Object[]> batch = new ArrayList<>(BATCH);
		int[] done = { 0 };
		jdbc.query(select, row -> {
			batch.add(arguments.of(row));
			done[0]++;
			if (batch.size() == BATCH) {
				jdbc.batchUpdate(update, batch);
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			jdbc.batchUpdate(update, batch);
		}
		return done[0];
	}

}
