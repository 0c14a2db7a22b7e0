package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps working after the connection that created the schema is closed.
 * <p>
 * The connection pool retires every connection after its lifetime, Flyway's among them, while the database stays
 * open. H2 2.4.240 bound {@code CHECK (col IN (...))} constraints to the session that created them, so about 30
 * minutes after the first start every write to such a table failed with "Check constraint invalid" caused by "The
 * database has been closed". Here the schema is created by Flyway on connections of its own, which it closes, while a
 * keeper connection holds the file database open as the pool does; then every table with a check constraint, and
 * every column with a default, is written on a new connection, with a valid row and with a row the constraint must
 * refuse.
 */
class SchemaOutlivesItsConnectionTests {

	/** A valid row and a row its check constraint refuses, for every table that has a check constraint. */
	private static final Map<String, String[]> CHECKED_TABLES = Map.of(
			"ARTICLE", new String[] {
					"""
					INSERT INTO article (region_code, title, body, text_length, status, stage_code, review_code,
					  created_at, created_by, updated_at, updated_by, lock_version)
					VALUES ('150102001', 't', 'b', 1, 'DRAFT', '150102001', '150102', CURRENT_TIMESTAMP, 'u',
					  CURRENT_TIMESTAMP, 'u', 0)""",
					"""
					INSERT INTO article (region_code, title, body, text_length, status, stage_code, review_code,
					  created_at, created_by, updated_at, updated_by, lock_version)
					VALUES ('150102001', 't', 'b', 1, 'BOGUS', '150102001', '150102', CURRENT_TIMESTAMP, 'u',
					  CURRENT_TIMESTAMP, 'u', 0)"""},
			"ACTIVITY", new String[] {
					"""
					INSERT INTO activity (campaign_id, region_code, name, participants, start_date, end_date, domains,
					  beneficiaries, funds_yuan, materials_yuan, outside_window, created_at, created_by, updated_at,
					  updated_by)
					VALUES ((SELECT MIN(id) FROM campaign), '150102001', 'a', 1, DATE '2026-01-01', DATE '2026-01-02',
					  1, 0, 0, 0, FALSE, CURRENT_TIMESTAMP, 'u', CURRENT_TIMESTAMP, 'u')""",
					"""
					INSERT INTO activity (campaign_id, region_code, name, participants, start_date, end_date, domains,
					  beneficiaries, funds_yuan, materials_yuan, outside_window, created_at, created_by, updated_at,
					  updated_by)
					VALUES ((SELECT MIN(id) FROM campaign), '150102001', 'a', -1, DATE '2026-01-01', DATE '2026-01-02',
					  1, 0, 0, 0, FALSE, CURRENT_TIMESTAMP, 'u', CURRENT_TIMESTAMP, 'u')"""});

	@TempDir
	Path dir;

	private String url;

	private Connection keeper;

	@BeforeEach
	void createTheSchemaOnConnectionsThatAreThenClosed() throws SQLException {
		url = "jdbc:h2:file:" + dir.resolve("wushe") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
		keeper = DriverManager.getConnection(url, "sa", "");
		Flyway.configure()
				.dataSource(url, "sa", "")
				.locations("classpath:db/migration")
				.load()
				.migrate();
		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			s.execute("""
					INSERT INTO campaign (name, theme, region_code, reporting_level, start_date, end_date, table_title,
					  created_at, created_by, updated_at, updated_by)
					VALUES ('c', 't', '15', 3, DATE '2026-01-01', DATE '2026-12-31', 't', CURRENT_TIMESTAMP, 'u',
					  CURRENT_TIMESTAMP, 'u')""");
		}
	}

	@AfterEach
	void close() throws SQLException {
		keeper.close();
	}

	@Test
	void everyCheckedTableIsCoveredHere() throws SQLException {
		assertThat(tablesWith("""
				SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc
				WHERE tc.constraint_type = 'CHECK' AND tc.table_schema = 'PUBLIC'""")).isEqualTo(new TreeSet<>(CHECKED_TABLES.keySet()));
	}

	@Test
	void checkConstraintsAcceptValidRowsAndRefuseInvalidOnesOnANewConnection() throws SQLException {
		for (var table : CHECKED_TABLES.entrySet()) {
			try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
				assertThat(s.executeUpdate(table.getValue()[0])).as(table.getKey()).isEqualTo(1);
				assertThatThrownBy(() -> s.executeUpdate(table.getValue()[1]))
						.as(table.getKey())
						.isInstanceOfSatisfying(SQLException.class,
								e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("23513"));
			}
		}
	}

	@Test
	void everyDefaultIsALiteralOrTheCurrentTime() throws SQLException {
		// a default that is a literal or the current time holds nothing of the session that created it
		Set<String> defaults = tablesWith("""
				SELECT table_name || '.' || column_name || ' = ' || column_default FROM information_schema.columns
				WHERE table_schema = 'PUBLIC' AND column_default IS NOT NULL AND is_identity = 'NO'
				  AND table_name <> 'flyway_schema_history'""");
		assertThat(defaults).isNotEmpty().allSatisfy(d -> assertThat(d.substring(d.indexOf(" = ") + 3))
				.as(d).matches("-?[0-9]+(\\.[0-9]+)?|TRUE|FALSE|'[^']*'|CURRENT_TIMESTAMP|LOCALTIMESTAMP"));
	}

	private Set<String> tablesWith(String sql) throws SQLException {
		Set<String> tables = new TreeSet<>();
		try (Connection c = DriverManager.getConnection(url, "sa", "");
				Statement s = c.createStatement();
				var rs = s.executeQuery(sql)) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}
}
