package org.wushe.campaign;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestCampaigns;

import com.jayway.jsonpath.JsonPath;

/**
 * Progress reports against deadlines relative to the real clock: one already passed, one still ahead.
 */
@IntegrationTest
class ProgressReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	String province;

	String hohhot;

	String baotou;

	String xincheng;

	long campaign;

	@BeforeEach
	void setUp() throws Exception {
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		hohhot = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		baotou = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		Instant now = Instant.now(clock);
		campaign = create(now.minus(1, ChronoUnit.HOURS), now.plus(30, ChronoUnit.DAYS), now.plus(31, ChronoUnit.DAYS));
	}

	long create(Instant first, Instant second, Instant summary) throws Exception {
		return TestCampaigns.createCurrent(mvc, province, "reports", LocalDate.now(clock), summary, first, second);
	}

	void record(String region, String name) throws Exception {
		mvc.perform(post("/api/campaigns/{id}/activities", campaign).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode": "%s", "name": "%s", "participants": 10, "startDate": "%s", "domains": ["老年人"],
					 "beneficiaries": 20, "fundsYuan": "100.50"}
					""".formatted(region, name, LocalDate.now(clock).minusDays(2)))).andExpect(status().isCreated());
	}

	ResultActions submit(String user, int deadline, String unit) throws Exception {
		return mvc.perform(post("/api/campaigns/{id}/reports/{n}/submit", campaign, deadline).param("regionCode", unit)
			.with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reporter\": \"王五\", \"reporterPhone\": \"13800000000\"}"));
	}

	ResultActions completeness(String user, int deadline, String region) throws Exception {
		return mvc.perform(get("/api/campaigns/{id}/completeness", campaign).param("deadline", String.valueOf(deadline))
			.param("region", region)
			.with(TestAccounts.as(user)));
	}

	@Test
	void submissionsAreStampedAndCompletenessShowsLateAndMissingUnits() throws Exception {
		record("150102001", "a");
		submit(hohhot, 1, "1501").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.onTime").value(false))
			.andExpect(jsonPath("$.unitStatus").value("LATE"))
			.andExpect(jsonPath("$.versions[0].activities").value(1))
			.andExpect(jsonPath("$.versions[0].reporter").value("王五"));
		submit(baotou, 2, "1502").andExpect(status().isOk())
			.andExpect(jsonPath("$.onTime").value(true))
			.andExpect(jsonPath("$.unitStatus").value("ON_TIME"))
			.andExpect(jsonPath("$.versions[0].activities").value(0));

		completeness(province, 1, "15").andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(12))
			.andExpect(jsonPath("$[?(@.regionCode == '1501')].status").value("LATE"))
			.andExpect(jsonPath("$[?(@.regionCode == '1502')].status").value("MISSING"))
			.andExpect(jsonPath("$[?(@.regionCode == '1503')].status").value("MISSING"))
			.andExpect(jsonPath("$[?(@.regionCode == '1503')].regionName").value("乌海市"));
		completeness(province, 2, "15").andExpect(jsonPath("$[?(@.regionCode == '1502')].status").value("ON_TIME"))
			.andExpect(jsonPath("$[?(@.regionCode == '1501')].status").value("PENDING"));
		// a league sees its own unit only; a sibling league's board is not there
		completeness(hohhot, 1, "1501").andExpect(jsonPath("$.length()").value(1));
		completeness(baotou, 1, "1501").andExpect(status().isNotFound());
		completeness(xincheng, 1, "150102").andExpect(status().isNotFound());
	}

	@Test
	void versionsAreImmutableSnapshotsAndReturnsNeedAReason() throws Exception {
		record("150102001", "first");
		submit(hohhot, 2, "1501").andExpect(jsonPath("$.version").value(1));
		record("150102002", "second");
		// the frozen version keeps its one row while the live rows grow
		mvc.perform(get("/api/campaigns/{id}/reports/2/versions/1", campaign).param("region", "1501")
			.with(TestAccounts.as(hohhot))).andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].name").value("first"));

		mvc.perform(post("/api/campaigns/{id}/reports/2/return", campaign).param("regionCode", "1501")
			.with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \" \"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/campaigns/{id}/reports/2/return", campaign).param("regionCode", "1501")
			.with(TestAccounts.as(hohhot))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"own\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/campaigns/{id}/reports/2/return", campaign).param("regionCode", "1501")
			.with(TestAccounts.as(baotou))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"sibling\"}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/campaigns/{id}/reports/2/return", campaign).param("regionCode", "1501")
			.with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"请补充第二项活动\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"))
			.andExpect(jsonPath("$.returns[0].reason").value("请补充第二项活动"));
		mvc.perform(post("/api/campaigns/{id}/reports/2/return", campaign).param("regionCode", "1501")
			.with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"again\"}")).andExpect(status().isConflict());

		submit(hohhot, 2, "1501").andExpect(jsonPath("$.status").value("RESUBMITTED"))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.unitStatus").value("ON_TIME"))
			.andExpect(jsonPath("$.versions[0].activities").value(1))
			.andExpect(jsonPath("$.versions[1].activities").value(2))
			.andExpect(jsonPath("$.versions[1].submittedBy").value(hohhot));
		mvc.perform(get("/api/campaigns/{id}/reports/2/versions/1", campaign).param("region", "1501")
			.with(TestAccounts.as(province))).andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/campaigns/{id}/reports/2/versions/2", campaign).param("region", "1501")
			.with(TestAccounts.as(province))).andExpect(jsonPath("$.length()").value(2));
	}

	@Test
	void onPostgresTheDatabaseRefusesToRewriteAVersion() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(org.wushe.support.TestDatabase.isPostgres(),
				"the append-only trigger exists on PostgreSQL only");
		record("150102001", "frozen");
		submit(hohhot, 1, "1501").andExpect(status().isOk());
		long version = jdbc.sql("""
				SELECT v.id FROM progress_report_version v JOIN progress_report r ON r.id = v.report_id
				WHERE r.campaign_id = :c AND r.unit_code = '1501'
				""").param("c", campaign).query(Long.class).single();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc.sql("UPDATE progress_report_row SET name = 'changed' WHERE version_id = :v")
				.param("v", version)
				.update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class)
			.hasMessageContaining("append-only");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> jdbc.sql("DELETE FROM progress_report_version WHERE id = :v").param("v", version).update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		mvc.perform(get("/api/campaigns/{id}/reports/1/versions/1", campaign).param("region", "1501")
			.with(TestAccounts.as(hohhot))).andExpect(jsonPath("$[0].name").value("frozen"));
	}

	@Test
	void onlyUnitsInScopeReportAndOthersSeeNothing() throws Exception {
		submit(xincheng, 1, "150102").andExpect(status().isNotFound());
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		submit(leader, 1, "1501").andExpect(status().isForbidden());
		submit(baotou, 1, "1501").andExpect(status().isNotFound());
		submit(hohhot, 1, "150102").andExpect(status().isNotFound());
		submit(hohhot, 9, "1501").andExpect(status().isNotFound());
		submit(hohhot, 1, "1501").andExpect(status().isOk());
		mvc.perform(get("/api/campaigns/{id}/reports/1", campaign).param("region", "1501")
			.with(TestAccounts.as(baotou))).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/reports/1", campaign).param("region", "1501")
			.with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/reports/1/versions/1", campaign).param("region", "1501")
			.with(TestAccounts.as(baotou))).andExpect(status().isNotFound());
		mvc.perform(post("/api/campaigns/{id}/reports/1/return", campaign).param("regionCode", "1502")
			.with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"draft\"}")).andExpect(status().isConflict());
	}

	@Test
	void remindersComeWithinADayAndUrgentlyWithinTwoHoursUntilSubmitted() throws Exception {
		Instant now = Instant.now(clock);
		campaign = create(now.plus(90, ChronoUnit.MINUTES), now.plus(20, ChronoUnit.HOURS), now.plus(3, ChronoUnit.DAYS));
		String name = JsonPath.read(mvc.perform(get("/api/campaigns/{id}", campaign).with(TestAccounts.as(hohhot)))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.name");
		mvc.perform(get("/api/campaigns/reminders").with(TestAccounts.as(hohhot)))
			.andExpect(jsonPath("$[?(@.campaignName == '%s' && @.deadline == 1)].urgent".formatted(name)).value(true))
			.andExpect(jsonPath("$[?(@.campaignName == '%s' && @.deadline == 2)].urgent".formatted(name)).value(false))
			.andExpect(jsonPath("$[?(@.campaignName == '%s')].deadline".formatted(name), not(hasItem(0))));
		submit(hohhot, 1, "1501").andExpect(status().isOk());
		mvc.perform(get("/api/campaigns/reminders").with(TestAccounts.as(hohhot)))
			.andExpect(jsonPath("$[?(@.campaignName == '%s')].deadline".formatted(name), not(hasItem(1))))
			.andExpect(jsonPath("$[?(@.campaignName == '%s')].deadline".formatted(name), hasItem(2)));
		// the province reports nothing itself, so it gets no reminders for the leagues
		mvc.perform(get("/api/campaigns/reminders").with(TestAccounts.as(province)))
			.andExpect(jsonPath("$[?(@.campaignName == '%s')]".formatted(name)).isEmpty());
	}

	@Test
	void summariesAreTrackedLikeReports() throws Exception {
		mvc.perform(post("/api/campaigns/{id}/summary", campaign).with(TestAccounts.as(hohhot))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\": \"1501\", \"body\": \"活动总结正文\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.onTime").value(true))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(post("/api/campaigns/{id}/summary", campaign).with(TestAccounts.as(hohhot))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\": \"1501\", \"body\": \"\"}")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/campaigns/{id}/summary/completeness", campaign).param("region", "15")
			.with(TestAccounts.as(province)))
			.andExpect(jsonPath("$[?(@.regionCode == '1501')].status").value("ON_TIME"))
			.andExpect(jsonPath("$[?(@.regionCode == '1502')].status").value("PENDING"));
	}

}
