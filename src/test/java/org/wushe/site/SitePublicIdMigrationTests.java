package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.wushe.shared.crypto.FieldCipher;
import org.wushe.shared.crypto.PersonalDataKeys;

/**
 * The Java migration V100 on a database whose sites have no public id yet: each gets its own, well formed, and the
 * column then refuses a missing or repeated one.
 */
class SitePublicIdMigrationTests {

	final FieldCipher cipher = new FieldCipher(new PersonalDataKeys(new byte[32]));

	@Test
	void givesEveryExistingSiteItsOwnPublicId() throws SQLException {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:publicid-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
		Flyway.configure()
			.dataSource(db)
			.javaMigrations(new StaffPhoneEncryption(cipher))
			.target("93")
			.load()
			.migrate();
		try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
			st.execute(insert("150105006", "A"));
			st.execute(insert("150105007", "B"));
			st.execute(insert("150105008", "C"));
		}

		Flyway.configure()
			.dataSource(db)
			.javaMigrations(new StaffPhoneEncryption(cipher), new SitePublicIdMigration())
			.target("100")
			.load()
			.migrate();

		try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
			List<String> ids = new ArrayList<>();
			try (ResultSet rs = st.executeQuery("SELECT public_id FROM site ORDER BY id")) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
			assertThat(ids).hasSize(3).doesNotHaveDuplicates().allMatch(PublicIds::isWellFormed);
			Throwable missing = catchThrowableOfType(SQLException.class, () -> st.execute(insert("150105009", "D")));
			assertThat(missing).as("a site without public id").isNotNull();
			String repeated = insert("150105009", "D").replace("updated_at)", "updated_at, public_id)")
				.replace("NOW())", "NOW(), '" + ids.get(0) + "')");
			Throwable duplicate = catchThrowableOfType(SQLException.class, () -> st.execute(repeated));
			assertThat(duplicate).as("a repeated public id").isNotNull();
		}
	}

	@Test
	void freshIdsAreWellFormedAndDiffer() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(PublicIds.next());
		}
		assertThat(ids).doesNotHaveDuplicates().allMatch(PublicIds::isWellFormed);
		assertThat(PublicIds.isWellFormed("12345")).isFalse();
		assertThat(PublicIds.isWellFormed(null)).isFalse();
	}

	private static String insert(String region, String name) {
		return """
				INSERT INTO site (site_type, region_code, active_region, name, name_initials, status, created_at,
				  updated_at) VALUES ('STATION', '%s', '%s', '%s', 'x', 'OPERATING', NOW(), NOW())
				""".formatted(region, region, name);
	}

}
