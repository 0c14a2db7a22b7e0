package org.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestDatabase;

@IntegrationTest
class AuditTrailTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsAndFindsEventsWithinTheScopeOnly() {
		String actor = "auditor-" + System.nanoTime();
		audit.record(actor, "account.create", "account", 42L, RegionCode.parse("150102001"), "10.0.0.1", null);
		audit.record(actor, "account.create", "account", 43L, RegionCode.parse("150105001"), "10.0.0.1", null);
		audit.record(actor, "login.failure", "account", null, null, "10.0.0.2", "BadCredentialsException");

		List<AuditEvent> county = audit.search(new RegionScope(RegionCode.parse("150102")),
				new AuditQuery(actor, "", null, null, 0, 50));
		assertThat(county).extracting(AuditEvent::entityId).containsExactly("42");

		List<AuditEvent> country = audit.search(new RegionScope(RegionCode.COUNTRY),
				new AuditQuery(actor, "", null, null, 0, 50));
		assertThat(country).hasSize(3);

		List<AuditEvent> failures = audit.search(new RegionScope(RegionCode.COUNTRY),
				new AuditQuery(actor, "login.failure", null, null, 0, 50));
		assertThat(failures).singleElement().satisfies(e -> assertThat(e.sourceAddress()).isEqualTo("10.0.0.2"));

		List<AuditEvent> future = audit.search(new RegionScope(RegionCode.COUNTRY),
				new AuditQuery(actor, "", Instant.now().plusSeconds(3600), null, 0, 50));
		assertThat(future).isEmpty();
	}

	@Test
	void theDatabaseRefusesToRewriteHistoryOnPostgres() {
		assumeTrue(TestDatabase.isPostgres(), "the append-only trigger exists on PostgreSQL only");
		String actor = "tamper-" + System.nanoTime();
		audit.record(actor, "account.create", "account", 1L, RegionCode.parse("15"), null, null);
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone-else' WHERE actor = :a")
			.param("a", actor)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE actor = :a").param("a", actor).update())
			.isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = :a")
			.param("a", actor)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void recordsManyEventsAtOnceEachWithItsOwnFields() {
		String actor = "batch-" + System.nanoTime();
		List<AuditTrail.Entry> entries = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			entries.add(new AuditTrail.Entry(actor, "test.batch", "test", i == 7 ? null : (long) i,
					i % 2 == 0 ? RegionCode.parse("150102001") : null, i % 3 == 0 ? null : "10.0.0." + i % 250,
					i == 249 ? "明细".repeat(400) : null));
		}
		audit.recordAll(entries);
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT entity_id, region_code, source_address, detail FROM audit_event WHERE actor = :a ORDER BY id""")
			.param("a", actor)
			.query()
			.listOfRows();
		assertThat(rows).hasSize(250);
		for (int i = 0; i < 250; i++) {
			Map<String, Object> row = rows.get(i);
			assertThat(row.get("entity_id")).as("row %d", i).isEqualTo(i == 7 ? null : Integer.toString(i));
			assertThat(row.get("region_code")).as("row %d", i).isEqualTo(i % 2 == 0 ? "150102001" : null);
			assertThat(row.get("source_address")).as("row %d", i).isEqualTo(i % 3 == 0 ? null : "10.0.0." + i % 250);
		}
		assertThat((String) rows.get(249).get("detail")).hasSize(500);
	}

}
