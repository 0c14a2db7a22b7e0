package org.wushe.volunteering;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * The teams, projects, hours and time-bank accounts of 赛罕区 (150105) are out of reach of a county user of the
 * sibling 新城区 (150102), and those kept at county level are out of reach of a township user below it: every read and
 * write by id answers 404 and lists leave them out. A read-only leader of the province reads them and changes nothing
 * (403).
 */
@IntegrationTest
class VolunteeringScopeLeakTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String saihan;

	String xincheng;

	String township;

	String leader;

	long team;

	long project;

	long volunteer;

	long hours;

	long account;

	long pool;

	long ownAccount;

	String tag;

	@BeforeEach
	void setUp() throws Exception {
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150105001");
		leader = TestAccounts.create(accounts, Role.LEADER, "15");
		VolunteeringFixtures owner = new VolunteeringFixtures(mvc, saihan);
		tag = "赛罕队" + System.nanoTime() % 1_000_000;
		// kept at county level: out of reach of the township below too
		team = owner.create("/api/volunteer-teams", "{\"name\":\"" + tag + "\",\"regionCode\":\"150105\"}");
		project = owner.project("150105", team, true);
		volunteer = owner.volunteer("150105");
		hours = owner.hours(project, volunteer, 2, 9, 60);
		owner.confirm(owner.hours(project, volunteer, 3, 9, 60));
		account = jdbc.sql("SELECT id FROM timebank_account WHERE volunteer_id = :v").param("v", volunteer)
			.query(Long.class).single();
		List<Long> pools = jdbc.sql("SELECT id FROM timebank_account WHERE pool_region = '150105'").query(Long.class)
			.list();
		pool = pools.isEmpty() ? owner.create("/api/timebank/accounts", "{\"kind\":\"POOL\",\"regionCode\":\"150105\"}")
				: pools.get(0);
		VolunteeringFixtures other = new VolunteeringFixtures(mvc, xincheng);
		long v = other.volunteer("150102001");
		other.confirm(other.hours(other.project("150102001", other.team("150102001"), true), v, 2, 9, 60));
		ownAccount = jdbc.sql("SELECT id FROM timebank_account WHERE volunteer_id = :v").param("v", v)
			.query(Long.class).single();
	}

	MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
		return r.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	List<MockHttpServletRequestBuilder> reads() {
		return List.of(get("/api/volunteer-teams/{id}", team), get("/api/volunteer-teams/{id}/members", team),
				get("/api/projects/{id}", project), get("/api/projects/{id}/hours", project),
				get("/api/hours/{id}", hours), get("/api/volunteers/{id}/hours", volunteer),
				get("/api/timebank/accounts/{id}", account), get("/api/timebank/accounts/{id}/postings", account),
				get("/api/timebank/accounts").param("regionCode", "150105").param("kind", "POOL"));
	}

	List<MockHttpServletRequestBuilder> writes() {
		return List.of(json(post("/api/volunteer-teams/{id}/members", team), "{\"volunteerId\":" + volunteer + "}"),
				json(post("/api/volunteer-teams/{id}/members/{v}/leave", team, volunteer), "{}"),
				json(post("/api/projects/{id}/hours", project), """
						[{"volunteerId":%d,"start":"2025-01-01T09:00","end":"2025-01-01T10:00","content":"x"}]"""
					.formatted(volunteer)),
				json(put("/api/volunteer-teams/{id}", team), "{\"name\":\"改名\"}"),
				json(put("/api/projects/{id}", project), """
						{"name":"改名","startDate":"2025-01-01","endDate":"2099-01-01","place":"x","domain":"ELDERLY",
						 "places":5}"""),
				json(post("/api/hours/{id}/confirm", hours), "{}"),
				json(post("/api/hours/{id}/dispute", hours), "{\"reason\":\"x\"}"),
				json(post("/api/hours/{id}/reverse", hours), "{\"reason\":\"x\"}"),
				json(post("/api/timebank/transfers", ""), """
						{"fromAccountId":%d,"toAccountId":%d,"minutes":10,"kind":"DONATION"}"""
					.formatted(account, pool)).header("Idempotency-Key", UUID.randomUUID().toString()));
	}

	@Test
	void siblingCountyGetsNotFoundEverywhere() throws Exception {
		for (var r : reads()) {
			mvc.perform(r.with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		}
		for (var w : writes()) {
			mvc.perform(w.with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		}
		// nor into a sibling's pool from one's own account
		mvc.perform(json(post("/api/timebank/transfers"), """
				{"fromAccountId":%d,"toAccountId":%d,"minutes":10,"kind":"DONATION"}""".formatted(ownAccount, pool))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.with(TestAccounts.as(xincheng))).andExpect(status().isNotFound());
		// lists leave them out; creating in the sibling's region is refused
		for (String list : List.of("/api/volunteer-teams", "/api/projects", "/api/timebank/accounts")) {
			mvc.perform(get(list).with(TestAccounts.as(xincheng)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("\"150105"))))
				.andExpect(content().string(not(containsString(tag))));
		}
		mvc.perform(json(post("/api/volunteer-teams"), "{\"name\":\"x\",\"regionCode\":\"150105\"}")
			.with(TestAccounts.as(xincheng))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
		mvc.perform(json(post("/api/timebank/accounts"), "{\"kind\":\"POOL\",\"regionCode\":\"150105001\"}")
			.with(TestAccounts.as(xincheng))).andExpect(status().isBadRequest());
		mvc.perform(json(post("/api/timebank/accounts"), "{\"kind\":\"PERSONAL\",\"volunteerId\":" + volunteer + "}")
			.with(TestAccounts.as(xincheng))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/timebank/reconciliation").with(TestAccounts.as(xincheng)))
			.andExpect(content().string(not(containsString("\"accountId\":" + account + ","))));
		// the owner reaches all of it
		for (var r : reads()) {
			mvc.perform(r.with(TestAccounts.as(saihan))).andExpect(status().isOk());
		}
	}

	@Test
	void lowerLevelGetsNotFoundForCountyRecords() throws Exception {
		for (var r : reads()) {
			mvc.perform(r.with(TestAccounts.as(township))).andExpect(status().isNotFound());
		}
		for (var w : writes()) {
			mvc.perform(w.with(TestAccounts.as(township))).andExpect(status().isNotFound());
		}
	}

	@Test
	void readOnlyLeaderReadsButChangesNothing() throws Exception {
		for (var r : reads()) {
			mvc.perform(r.with(TestAccounts.as(leader))).andExpect(status().isOk());
		}
		long before = jdbc.sql("SELECT COUNT(*) FROM service_hours").query(Long.class).single();
		for (var w : writes()) {
			mvc.perform(w.with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		}
		mvc.perform(json(post("/api/projects"), "{}").with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		mvc.perform(json(post("/api/volunteer-teams"), "{}").with(TestAccounts.as(leader)))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/timebank/accounts"), "{}").with(TestAccounts.as(leader)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/timebank/reconciliation").with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		org.assertj.core.api.Assertions
			.assertThat(jdbc.sql("SELECT COUNT(*) FROM service_hours").query(Long.class).single())
			.isEqualTo(before);
		mvc.perform(get("/api/hours/{id}", hours).with(TestAccounts.as(leader)))
			.andExpect(jsonPath("$.status").value("RECORDED"));
	}

}
