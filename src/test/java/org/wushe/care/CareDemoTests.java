package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.wushe.support.IntegrationTest;

/** With demo data enabled, the demo station's township has about 200 people served, visits and cases at every stage. */
@IntegrationTest
@TestPropertySource(properties = "wushe.demo.enabled=true")
class CareDemoTests {

	@Autowired
	JdbcClient jdbc;

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

}
