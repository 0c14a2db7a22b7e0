package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.CurrentUser;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;

/**
 * With demo data enabled, the demo station's township has about 200 people served, visits and cases at every stage,
 * and a supervisor whose account ({@code dudao}) may decide the plans and closures waiting there.
 */
@IntegrationTest
@TestPropertySource(properties = "wushe.demo.enabled=true")
class CareDemoTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	Supervisors supervisors;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void theDemoTownshipHasPeopleVisitsAndCasesAtEveryStage() {
		assertThat(count("SELECT COUNT(*) FROM care_person WHERE region_code LIKE '150102001%'"))
			.isGreaterThanOrEqualTo(CareDemoData.PERSONS);
		assertThat(count("SELECT COUNT(DISTINCT category_code) FROM care_person_category")).isEqualTo(13);
		assertThat(count("SELECT COUNT(*) FROM care_person WHERE next_due < CURRENT_DATE")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM care_visit WHERE alert_open = TRUE")).isPositive();
		assertThat(count("SELECT COUNT(DISTINCT stage) FROM care_case")).isEqualTo(CaseStage.values().length);
		assertThat(count("""
				SELECT COUNT(*) FROM care_person_relative r JOIN care_person c ON c.id = r.person_id
				JOIN care_person g ON g.id = r.related_person_id
				WHERE r.guardian = TRUE AND c.region_code LIKE '150102001%' AND g.birth_date < c.birth_date""")).isGreaterThan(40);
		assertThat(count("SELECT COUNT(*) FROM care_person_relative WHERE phone_cipher IS NOT NULL")).isPositive();
		assertThat(count("SELECT SUM(entries) FROM care_tally WHERE region_code = '00' AND metric = 'PERSONS'"))
			.isGreaterThanOrEqualTo(CareDemoData.PERSONS);
	}

	@Test
	void theDemoStationHasASupervisorWhoMayDecideItsPendingPlansAndClosures() throws Exception {
		assertThat(supervisors.list(new RegionScope(RegionCode.parse(CareDemoData.TOWNSHIP))))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.regionCode()).isEqualTo(CareDemoData.TOWNSHIP);
				assertThat(m.username()).isEqualTo(CareDemoData.SUPERVISOR);
			});
		// as after the first login's password change
		jdbc.sql("UPDATE account SET must_change_password = FALSE WHERE username = :name")
			.param("name", CareDemoData.SUPERVISOR)
			.update();
		CurrentUser supervisor = accounts.principalOf(CareDemoData.SUPERVISOR).orElseThrow();
		for (CaseStage pending : new CaseStage[] { CaseStage.PLAN_PENDING, CaseStage.CLOSE_PENDING }) {
			long kase = jdbc.sql("SELECT MIN(id) FROM care_case WHERE stage = :stage AND region_code LIKE '150102001%'")
				.param("stage", pending.name())
				.query(Long.class)
				.single();
			mvc.perform(get("/care/cases/" + kase).with(user(supervisor)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"supervisor-actions\"")));
		}
		CurrentUser worker = accounts.principalOf("worker").orElseThrow();
		assertThat(supervisors.supervises(worker, CareDemoData.TOWNSHIP + "001")).isFalse();
	}

}
