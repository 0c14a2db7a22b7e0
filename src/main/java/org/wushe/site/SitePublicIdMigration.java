package org.wushe.site;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wushe.shared.migration.RowMigration;

/**
 * Flyway migration V100: gives every site an opaque public id ({@link PublicIds}) for its public page and placard,
 * fills the sites that exist, then makes the column required and unique. Random ids cannot be made in SQL the same
 * way on H2 and PostgreSQL, so this is plain JDBC in the migration's transaction.
 */
@Component
class SitePublicIdMigration extends RowMigration {

	SitePublicIdMigration() {
		super("100", "site public id");
	}

	/** Adds the column, gives each existing site a public id, and answers how many it filled. */
	int addPublicIds(Connection connection) throws SQLException {
		return migrate(connection);
	}

	@Override
	protected int migrate(JdbcTemplate jdbc) {
		jdbc.execute("ALTER TABLE site ADD COLUMN public_id VARCHAR(32)");
		int done = rewriteEach(jdbc, "SELECT id FROM site WHERE public_id IS NULL",
				"UPDATE site SET public_id = ? WHERE id = ?",
				row -> new Object[] { PublicIds.next(), row.getLong("id") });
		jdbc.execute("ALTER TABLE site ALTER COLUMN public_id SET NOT NULL");
		jdbc.execute("CREATE UNIQUE INDEX site_public_id ON site (public_id)");
		return done;
	}

}
