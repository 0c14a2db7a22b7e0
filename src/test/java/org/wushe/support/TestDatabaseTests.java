package org.wushe.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.region.RegionCode;
import org.wushe.region.Regions;

/**
 * The integration tests really run on the database the suite names: in-memory H2 by default, and the PostgreSQL server
 * in this run's own schema with {@code -Ppostgres}, migrated by Flyway and holding the test tree.
 */
@IntegrationTest
class TestDatabaseTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Regions regions;

	@Test
	void runsOnTheDatabaseTheSuiteAsksFor() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			if (TestDatabase.isPostgres()) {
				assertThat(meta.getDatabaseProductName()).isEqualTo("PostgreSQL");
				assertThat(meta.getURL()).startsWith("jdbc:postgresql://");
				assertThat(connection.getSchema()).isEqualTo(System.getProperty("wushe.test.schema"))
					.startsWith("wushe_it_");
			}
			else {
				assertThat(meta.getDatabaseProductName()).isEqualTo("H2");
				assertThat(meta.getURL()).startsWith("jdbc:h2:mem:");
			}
		}
	}

	@Test
	void theRunsSchemaIsMigratedAndHoldsTheTestTree() {
		String table = TestDatabase.isPostgres() ? "region" : "REGION";
		String schema = TestDatabase.isPostgres() ? System.getProperty("wushe.test.schema") : "PUBLIC";
		long tables = jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = :schema AND table_name = :table
				""")
			.param("schema", schema)
			.param("table", table)
			.query(Long.class)
			.single();
		assertThat(tables).isEqualTo(1);
		assertThat(regions.isReady()).isTrue();
		assertThat(regions.get(RegionCode.parse("15")).townships()).isEqualTo(1_225);
		assertThat(regions.children(RegionCode.parse("150102"))).hasSize(13);
	}

}
