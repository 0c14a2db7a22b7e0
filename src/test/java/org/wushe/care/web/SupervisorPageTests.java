package org.wushe.care.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.care.CareFixtures;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/**
 * The 督导标记 page's pick-lists: accounts that may not record care work (or are disabled) never take a place in the
 * account list, a list cut at {@link SupervisorController#CHOICES} says so and can be narrowed by name, and a refused
 * form comes back for the region it was for. Each test works in a county of its own (阿拉善盟), since the lists run
 * over everything registered there.
 */
@IntegrationTest
class SupervisorPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountsThatCannotRecordCareWorkTakeNoPlaceInTheList() throws Exception {
		String county = logins.create(Role.COUNTY_STAFF, "152921");
		String station = logins.create(Role.STATION_WORKER, "152921110");
		String leaders = "leader-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		for (int i = 0; i <= 500; i++) {
			account(leaders + String.format("%03d", i), "152921", Role.LEADER, true);
		}
		String disabled = account("disabled-" + UUID.randomUUID().toString().substring(0, 8), "152921110",
				Role.STATION_WORKER, false);

		mvc.perform(get("/care/supervisors").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">" + station + " · ")))
			.andExpect(content().string(not(containsString(leaders))))
			.andExpect(content().string(not(containsString(disabled))))
			.andExpect(content().string(not(containsString("id=\"accountId-cut\""))));
	}

	@Test
	void aCutListSaysSoAndNarrowsByName() throws Exception {
		String county = logins.create(Role.COUNTY_STAFF, "152922");
		worker("乌兰图雅", "152922103");
		for (int i = 0; i < SupervisorController.CHOICES; i++) {
			worker("巡访社工" + i, "152922103");
		}
		String first = account("aaa-station-" + UUID.randomUUID().toString().substring(0, 8), "152922103",
				Role.STATION_WORKER, true);
		String last = "zzz-station-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < SupervisorController.CHOICES; i++) {
			account(last + "-" + String.format("%03d", i), "152922103", Role.STATION_WORKER, true);
		}

		mvc.perform(get("/care/supervisors").param("region", "152922").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"workerId-cut\"")))
			.andExpect(content().string(containsString("社工较多，这里只列出了前 200 名")))
			.andExpect(content().string(not(containsString("乌兰图雅"))))
			.andExpect(content().string(containsString("id=\"accountId-cut\"")))
			.andExpect(content().string(containsString("登录账号较多，这里只列出了前 200 个")))
			.andExpect(content().string(containsString(">" + first + " · ")))
			.andExpect(content().string(not(containsString(last + "-" + (SupervisorController.CHOICES - 1)))));

		mvc.perform(get("/care/supervisors").param("region", "152922")
			.param("worker", "乌兰")
			.param("account", last + "-" + (SupervisorController.CHOICES - 1))
			.with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">乌兰图雅 · ")))
			.andExpect(content().string(not(containsString("巡访社工"))))
			.andExpect(content().string(not(containsString("id=\"workerId-cut\""))))
			.andExpect(content().string(containsString(">" + last + "-" + (SupervisorController.CHOICES - 1) + " · ")))
			.andExpect(content().string(not(containsString(first))))
			.andExpect(content().string(not(containsString("id=\"accountId-cut\""))));

		mvc.perform(get("/care/supervisors").with(TestAccounts.as(county)).param("lang", "en"))
			.andExpect(content().string(containsString("only the first 200 are listed")));
	}

	@Test
	void aRefusedFormComesBackForItsRegionWithTheErrorAtTheField() throws Exception {
		String county = logins.create(Role.COUNTY_STAFF, "152923");
		String station = logins.create(Role.STATION_WORKER, "152923001");
		CareFixtures.create(mvc, county, "/api/workers", """
				{"name":"航空街道社工","gender":"FEMALE","idNumber":"%s","qualification":"NONE","regionCode":"152923001"}"""
			.formatted(ActorTestData.idNumber("152923")));
		long elsewhere = CareFixtures.create(mvc, county, "/api/workers", """
				{"name":"东风街道社工","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"152923002"}"""
			.formatted(ActorTestData.idNumber("152923")));
		long account = logins.id(station);

		mvc.perform(post("/care/supervisors").with(TestAccounts.as(county)).with(csrf())
			.param("regionCode", "152923001")
			.param("workerId", String.valueOf(elsewhere))
			.param("accountId", String.valueOf(account)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(">航空街道社工 · ")))
			.andExpect(content().string(not(containsString("东风街道社工"))))
			.andExpect(content().string(matchesPattern(Pattern.compile(
					".*name=\"region\" value=\"152923001\".*", Pattern.DOTALL))))
			.andExpect(content().string(matchesPattern(Pattern.compile(
					".*<select class=\"form-select is-invalid\" id=\"workerId\"[^>]*>.*?</select>\\s*"
							+ "<div class=\"invalid-feedback d-block field-error\">[^<]*该社工不在 152923001.*",
					Pattern.DOTALL))));
	}

	/** An account written straight to the table, as many as a test needs without hashing a password for each. */
	private String account(String username, String region, Role role, boolean enabled) {
		jdbc.sql("""
				INSERT INTO account (username, username_key, display_name, region_code, role, password_hash,
				                     must_change_password, enabled, created_at)
				VALUES (:name, :name, :name, :region, :role, 'x', FALSE, :enabled, :now)""")
			.param("name", username)
			.param("region", region)
			.param("role", role.name())
			.param("enabled", enabled)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		return username;
	}

	/** An active worker written straight to the table (list columns only; the sealed ones hold placeholders). */
	private void worker(String name, String region) {
		String key = UUID.randomUUID().toString();
		jdbc.sql("""
				INSERT INTO social_worker (name, name_initials, gender, id_number_cipher, id_number_hash,
				    id_number_masked, qualification, region_code, post, status, created_at, updated_at)
				VALUES (:name, '', 'FEMALE', :key, :key, '152922********0000', 'NONE', :region, 'STATION_WORKER',
				    'ACTIVE', :now, :now)""")
			.param("name", name)
			.param("key", key)
			.param("region", region)
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}

}
