package org.wushe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestDatabase;

/**
 * The documented online backup of the embedded database: {@code BACKUP TO} while the application runs, restored with
 * H2's {@code Restore} tool into a fresh directory, holds the same rows in every table.
 */
@IntegrationTest
// the embedded database only: shown as skipped in the PostgreSQL suite (pg_dump/pg_restore are documented instead)
@DisabledIfSystemProperty(named = "wushe.test.db", matches = "postgres")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:file:./target/backup-test/${random.uuid}/wushe;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH")
class DatabaseBackupTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Test
	void anOnlineBackupRestoresIntoAFreshDatabaseWithTheSameRows() throws Exception {
		assumeFalse(TestDatabase.isPostgres(), "the online BACKUP TO of the embedded H2 database");
		TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		Path dir = Path.of("target/backup-test/restored-" + UUID.randomUUID()).toAbsolutePath();
		Files.createDirectories(dir);
		Path zip = dir.resolve("backup.zip");
		jdbc.sql("BACKUP TO '" + zip.toString().replace("'", "''") + "'").update();
		Map<String, Long> live = counts(jdbc);
		assertThat(live.get("ACCOUNT")).isGreaterThanOrEqualTo(3);
		assertThat(live.get("REGION")).isGreaterThan(15_000);

		Restore.execute(zip.toString(), dir.toString(), "wushe");
		try (Connection restored = DriverManager.getConnection(
				"jdbc:h2:file:" + dir.resolve("wushe") + ";MODE=PostgreSQL;IFEXISTS=TRUE", "sa", "")) {
			Map<String, Long> copy = new LinkedHashMap<>();
			for (String table : live.keySet()) {
				try (Statement s = restored.createStatement();
						ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
					rs.next();
					copy.put(table, rs.getLong(1));
				}
			}
			assertThat(copy).isEqualTo(live);
		}
	}

	private static Map<String, Long> counts(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE' ORDER BY table_name
				""").query(String.class).list();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : tables) {
			counts.put(table, jdbc.sql("SELECT COUNT(*) FROM \"" + table + "\"").query(Long.class).single());
		}
		return counts;
	}

}
