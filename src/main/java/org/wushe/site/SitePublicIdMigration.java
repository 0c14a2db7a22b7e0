package org.wushe.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V100: gives every site an opaque public id ({@link PublicIds}) for its public page and placard,
 * fills the sites that exist, then makes the column required and unique. Random ids cannot be made in SQL the same
 * way on H2 and PostgreSQL, so this is plain JDBC in the migration's transaction.
 */
@Component
class SitePublicIdMigration implements JavaMigration {

	private static final int BATCH = 500;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("100");
	}

	@Override
	public String getDescription() {
		return "site public id";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		addPublicIds(context.getConnection());
	}

	/** Adds the column, gives each existing site a public id, and answers how many it filled. */
	int addPublicIds(Connection connection) throws SQLException {
		try (Statement add = connection.createStatement()) {
			add.execute("ALTER TABLE site ADD COLUMN public_id VARCHAR(32)");
		}
		int done = 0;
		try (Statement select = connection.createStatement();
				ResultSet rs = select.executeQuery("SELECT id FROM site WHERE public_id IS NULL");
				PreparedStatement update = connection.prepareStatement("UPDATE site SET public_id = ? WHERE id = ?")) {
			while (rs.next()) {
				update.setString(1, PublicIds.next());
				update.setLong(2, rs.getLong("id"));
				update.addBatch();
				if (++done % BATCH == 0) {
					update.executeBatch();
				}
			}
			update.executeBatch();
		}
		try (Statement constrain = connection.createStatement()) {
			constrain.execute("ALTER TABLE site ALTER COLUMN public_id SET NOT NULL");
			constrain.execute("CREATE UNIQUE INDEX site_public_id ON site (public_id)");
		}
		return done;
	}

}
