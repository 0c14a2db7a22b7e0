package org.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;

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

}
