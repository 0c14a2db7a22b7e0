package org.wushe.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.region.RegionCode;
import org.wushe.region.Regions;
import org.wushe.support.Nodes;
import org.wushe.support.TestDatabase;

/**
 * Two nodes started at the same moment on an empty PostgreSQL database: one creates the administrator, one loads the
 * region tree, the demo data is there once, and both nodes serve.
 */
@Tag("integration")
class StartUpRaceTests {

	@Test
	void twoNodesStartedTogetherOnAnEmptyDatabaseDoTheFirstStartOnce() {
		assumeTrue(TestDatabase.isPostgres(), "two nodes share a PostgreSQL database");
		try (Nodes nodes = Nodes.start(2, "wushe.demo.enabled=true", "wushe.demo.password=Demo-pass-2024!")) {
			for (int i = 0; i < 2; i++) {
				Regions regions = nodes.node(i).getBean(Regions.class);
				assertThat(regions.isReady()).as("node %d serves", i).isTrue();
				assertThat(regions.find(new RegionCode("150102"))).as("node %d", i).isPresent();
			}
			JdbcClient jdbc = nodes.node(0).getBean(JdbcClient.class);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM account WHERE username = 'admin'")).isEqualTo(1);
			// the administrator and each demo account, once
			long accounts = 1 + demoAccounts();
			assertThat(count(jdbc, "SELECT COUNT(*) FROM account"))
				.isEqualTo(count(jdbc, "SELECT COUNT(DISTINCT username) FROM account"))
				.isEqualTo(accounts);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM audit_event WHERE action = 'account.create'"))
				.isEqualTo(accounts);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM region WHERE code LIKE '15%'"))
				.isEqualTo(count(jdbc, "SELECT loaded FROM region_load WHERE id = 1"))
				.isGreaterThan(15_000);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM charity_fund"))
				.isEqualTo(count(jdbc, "SELECT COUNT(DISTINCT name) FROM charity_fund"))
				.isPositive();
		}
	}

	/** The demo accounts the demo data creates: the rows of its account list below the header. */
	private static long demoAccounts() {
		try (var in = StartUpRaceTests.class.getResourceAsStream("/demo/accounts.csv")) {
			long rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank())
				.count() - 1;
			assertThat(rows).isGreaterThanOrEqualTo(8);
			return rows;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
