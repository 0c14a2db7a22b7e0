package org.wushe.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.wushe.personal.CreditCode;
import org.wushe.support.IntegrationTest;

/** With demo data enabled, several leagues get organizations, workers, volunteers and charity resources. */
@IntegrationTest
@TestPropertySource(properties = "wushe.demo.enabled=true")
class DemoDataTests {

	@Autowired
	JdbcClient jdbc;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void registriesAreFilledAcrossSeveralLeagues() {
		assertThat(count("SELECT COUNT(DISTINCT SUBSTRING(region_code, 1, 4)) FROM organization")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM organization WHERE credit_code_warning = TRUE")).isZero();
		assertThat(count("SELECT COUNT(DISTINCT qualification) FROM social_worker")).isEqualTo(4);
		assertThat(count("SELECT COUNT(*) FROM social_worker WHERE employer_id IS NOT NULL")).isGreaterThan(20);
		assertThat(count("SELECT COUNT(DISTINCT SUBSTRING(region_code, 1, 4)) FROM volunteer")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM donation WHERE kind = 'IN_KIND'")).isGreaterThan(0);
		assertThat(count("SELECT COUNT(*) FROM donation WHERE matched_amount > 0")).isGreaterThan(0);
		assertThat(count("SELECT COUNT(*) FROM charitable_trust")).isGreaterThanOrEqualTo(5);
		List<String> masked = jdbc.sql("SELECT id_number_masked FROM volunteer").query(String.class).list();
		assertThat(masked).allMatch(m -> m.matches("\\d{4}\\*{10}[0-9X]{4}"));
		// credit codes are fully valid by GB 32100
		List<String> codes = jdbc.sql("SELECT credit_code FROM organization").query(String.class).list();
		assertThat(codes).allMatch(c -> CreditCode.check(c).acceptable() && !CreditCode.check(c).warning());
	}

}
