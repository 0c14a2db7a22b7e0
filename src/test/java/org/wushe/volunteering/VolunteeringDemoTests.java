package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;

/**
 * With demo data enabled, 新城区 has volunteer teams, projects upcoming, running and finished, a season of hours in
 * every state, a balanced time bank that has seen every kind of transfer, and certificates (one revoked), all dated
 * relative to today; loading again, even from two threads at once, adds nothing.
 */
@IntegrationTest
@TestPropertySource(properties = "wushe.demo.enabled=true")
class VolunteeringDemoTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VolunteeringDemoData demo;

	@Autowired
	TimeBank bank;

	@Autowired
	Clock clock;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	List<String> names() {
		return VolunteeringDemoData.projectRows(LocalDate.now(clock)).stream().map(VolunteeringDemoData.DemoProject::name)
			.toList();
	}

	long demoProjects(String condition) {
		return jdbc.sql("SELECT COUNT(*) FROM service_project WHERE name IN (:names) AND region_code LIKE '150102%' AND "
				+ condition).param("names", names()).param("today", LocalDate.now(clock)).query(Long.class).single();
	}

	@Test
	void theDemoCountyHasTeamsProjectsHoursTimeBankAndCertificates() {
		assertThat(demoProjects("1 = 1")).isEqualTo(names().size());
		assertThat(demoProjects("start_date > :today AND recruiting = TRUE")).as("upcoming, recruiting").isPositive();
		assertThat(demoProjects("start_date <= :today AND end_date >= :today AND recruiting = TRUE"))
			.as("running, recruiting").isPositive();
		assertThat(demoProjects("start_date <= :today AND end_date >= :today AND recruiting = FALSE"))
			.as("running, closed").isPositive();
		assertThat(demoProjects("end_date < :today")).as("finished").isPositive();
		assertThat(demoProjects("time_bank = TRUE")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM volunteer_team WHERE region_code LIKE '150102%'"))
			.isGreaterThanOrEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM volunteer_team_member")).isGreaterThanOrEqualTo(VolunteeringDemoData.MIN_VOLUNTEERS);
		String hours = "SELECT COUNT(*) FROM service_hours h JOIN service_project p ON p.id = h.project_id WHERE p.name IN (:names) AND ";
		for (String condition : List.of("h.status = 'CONFIRMED' AND h.reverses_id IS NULL", "h.status = 'RECORDED'",
				"h.status = 'DISPUTED'", "h.reverses_id IS NOT NULL")) {
			assertThat(jdbc.sql(hours + condition).param("names", names()).query(Long.class).single()).as(condition)
				.isPositive();
		}
		LocalDate latest = jdbc.sql("SELECT MAX(h.started_at) FROM service_hours h JOIN service_project p ON p.id = h.project_id WHERE p.name IN (:names)")
			.param("names", names())
			.query(java.sql.Timestamp.class)
			.single()
			.toLocalDateTime()
			.toLocalDate();
		assertThat(latest).as("the season ends this week").isAfter(LocalDate.now(clock).minusDays(8))
			.isBefore(LocalDate.now(clock));
		for (TransferKind kind : TransferKind.values()) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM timebank_transfer WHERE kind = :k").param("k", kind.name())
				.query(Long.class).single()).as(kind.name()).isPositive();
		}
		assertThat(count("SELECT COUNT(*) FROM timebank_account WHERE kind = 'ELDER'")).isPositive();
		// elders' requests in every state but cancelled; a completed one has its confirmed hours and its redemption
		for (String status : List.of("OPEN", "ACCEPTED", "DONE")) {
			assertThat(count("SELECT COUNT(*) FROM elder_request WHERE region_code LIKE '150102%' AND status = '"
					+ status + "'")).as(status).isPositive();
		}
		assertThat(count("""
				SELECT COUNT(*) FROM elder_request r
				JOIN service_hours h ON h.id = r.hours_id AND h.status = 'CONFIRMED' AND h.volunteer_id = r.volunteer_id
				JOIN timebank_transfer t ON t.id = r.transfer_id AND t.kind = 'REDEMPTION' AND t.minutes = h.minutes
				WHERE r.status = 'DONE' AND r.region_code LIKE '150102%'""")).isPositive();
		TimeBank.Reconciliation r = bank.reconcile(new RegionScope(RegionCode.COUNTRY));
		assertThat(r.postingsSum()).isZero();
		assertThat(r.mismatches()).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM volunteer_certificate WHERE region_code LIKE '150102%'"))
			.isGreaterThanOrEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM volunteer_certificate WHERE revoked_at IS NOT NULL")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM volunteering_tally WHERE region_code = '150102' AND figure = 'MINUTES'"))
			.as("confirmed minutes counted on the county").isPositive();
	}

	/**
	 * The demo is written over the registries' demo (volunteers, people served): its listener of the region tree is
	 * ordered after theirs, whatever order the beans are registered in.
	 */
	@Test
	void theDemoRunsAfterTheRegistriesDemo() throws Exception {
		int own = listenerOrder(VolunteeringDemoData.class);
		for (String registry : List.of("org.wushe.actor.demo.ActorDemoData", "org.wushe.care.CareDemoData")) {
			assertThat(listenerOrder(Class.forName(registry))).as(registry).isLessThan(own);
		}
	}

	static int listenerOrder(Class<?> type) throws NoSuchMethodException {
		java.lang.reflect.Method m = type.getDeclaredMethod("onRegionTreeLoaded", org.wushe.region.RegionTreeLoaded.class);
		org.springframework.core.annotation.Order order = org.springframework.core.annotation.AnnotationUtils
			.findAnnotation(m, org.springframework.core.annotation.Order.class);
		return order == null ? org.springframework.core.Ordered.LOWEST_PRECEDENCE : order.value();
	}

	@Test
	void loadingAgainEvenFromTwoThreadsAtOnceAddsNothing() {
		String tables = """
				SELECT (SELECT COUNT(*) FROM service_project) + (SELECT COUNT(*) FROM service_hours)
				    + (SELECT COUNT(*) FROM timebank_transfer) + (SELECT COUNT(*) FROM volunteer_certificate)
				    + (SELECT COUNT(*) FROM volunteer_team)""";
		long before = count(tables);
		CompletableFuture<Boolean> one = CompletableFuture.supplyAsync(demo::load);
		CompletableFuture<Boolean> two = CompletableFuture.supplyAsync(demo::load);
		assertThat(one.join()).isFalse();
		assertThat(two.join()).isFalse();
		assertThat(count(tables)).isEqualTo(before);
	}

}
