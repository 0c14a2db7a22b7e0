package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

import com.jayway.jsonpath.JsonPath;

/**
 * Referrals with the receiver's decision, reopening a closed case, and a transferred person's cases following them:
 * a station of 赛罕区 (150105001) receives a case of 新城区 (150102001); its sibling township, the referring county's
 * sibling and the read-only leader decide nothing.
 */
@IntegrationTest
class CaseReferralTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String worker;

	String county;

	String receiver;

	String receiverSibling;

	String otherCounty;

	String leader;

	long person;

	long kase;

	@BeforeEach
	void setUp() throws Exception {
		worker = logins.station();
		county = logins.county();
		receiver = logins.siblingStation();
		receiverSibling = logins.create(Role.STATION_WORKER, "150105002");
		otherCounty = logins.create(Role.COUNTY_STAFF, "150103");
		leader = logins.create(Role.LEADER, "150105");
		person = CareFixtures.person(mvc, worker, "150102001001");
		kase = CareFixtures.caseInService(mvc, worker, county, person);
	}

	ResultActions post(String user, String path, String body) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	long refer(String to) throws Exception {
		String json = post(worker, "/api/cases/" + kase + "/referrals", """
				{"toKind":"STATION","to":"%s","reason":"老人搬到女儿家附近居住"}""".formatted(to))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$.referrals[-1].id")).longValue();
	}

	long referrals() {
		return jdbc.sql("SELECT COUNT(*) FROM care_referral WHERE case_id = :c").param("c", kase).query(Long.class)
			.single();
	}

	@Test
	void aStationReferralNamesAStationRegionAndStoresNothingOtherwise() throws Exception {
		for (String to : new String[] { "赛罕区民政局", "150105", "150105999", "150102001" }) {
			post(worker, "/api/cases/" + kase + "/referrals", """
					{"toKind":"STATION","to":"%s","reason":"转介"}""".formatted(to))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("to")));
		}
		assertThat(referrals()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM care_case_event WHERE case_id = :c AND action = 'REFERRAL'")
			.param("c", kase).query(Long.class).single()).isZero();
	}

	@Test
	void theReceivingStationSeesAcceptsAndServesTheCase() throws Exception {
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(receiver))).andExpect(status().isNotFound());
		long referral = refer("150105001");
		// the receiver sees it pending, in its incoming list and in full
		mvc.perform(get("/api/cases/referrals").param("status", "PENDING").with(TestAccounts.as(receiver)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem((int) referral)))
			.andExpect(jsonPath("$[0].caseId").value((int) kase));
		mvc.perform(get("/api/cases/referrals").param("status", "MAYBE").with(TestAccounts.as(receiver)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("status")));
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(receiver)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.referrals[0].status").value("PENDING"));
		// a pending referral gives no right to serve yet
		post(receiver, "/api/cases/" + kase + "/services", """
				{"date":"%s","kind":"INDIVIDUAL"}""".formatted(LocalDate.now())).andExpect(status().isNotFound());
		// nobody else decides: the receiver's sibling township, another county, the referring side, the leader
		for (String other : new String[] { receiverSibling, otherCounty, county, worker }) {
			post(other, "/api/cases/" + kase + "/referrals/" + referral + "/accept", "{}")
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/cases/referrals").with(TestAccounts.as(other)))
				.andExpect(jsonPath("$[*].id", not(hasItem((int) referral))));
		}
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(receiverSibling)))
			.andExpect(status().isNotFound());
		post(leader, "/api/cases/" + kase + "/referrals/" + referral + "/accept", "{}")
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT status FROM care_referral WHERE id = :r").param("r", referral)
			.query(String.class).single()).isEqualTo("PENDING");
		// the receiver accepts; the decision is kept and cannot be taken twice
		post(receiver, "/api/cases/" + kase + "/referrals/" + referral + "/accept", "{\"reason\":\"本站接收\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.referrals[0].status").value("ACCEPTED"))
			.andExpect(jsonPath("$.referrals[0].decidedBy").value(receiver))
			.andExpect(jsonPath("$.events[*].action", hasItem("REFERRAL_ACCEPT")));
		post(receiver, "/api/cases/" + kase + "/referrals/" + referral + "/decline", "{\"reason\":\"改主意\"}")
			.andExpect(status().isConflict());
		post(receiver, "/api/cases/" + kase + "/services", """
				{"date":"%s","kind":"INDIVIDUAL","notes":"接收后首次上门"}""".formatted(LocalDate.now()))
			.andExpect(status().isOk());
		// the receiver may not take the owner's other steps
		post(receiver, "/api/cases/" + kase + "/close", "{\"reason\":\"r\"}").andExpect(status().isNotFound());
	}

	@Test
	void aDeclinedReferralNeedsAReasonAndLeavesTheReceiversReach() throws Exception {
		long referral = refer("150105001");
		post(receiver, "/api/cases/" + kase + "/referrals/" + referral + "/decline", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		assertThat(jdbc.sql("SELECT status FROM care_referral WHERE id = :r").param("r", referral)
			.query(String.class).single()).isEqualTo("PENDING");
		post(receiver, "/api/cases/" + kase + "/referrals/" + referral + "/decline", "{\"reason\":\"本站无床位\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.referrals[0].status").value("DECLINED"));
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(receiver))).andExpect(status().isNotFound());
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(worker)))
			.andExpect(jsonPath("$.referrals[0].declineReason").value("本站无床位"))
			.andExpect(jsonPath("$.events[?(@.action == 'REFERRAL_DECLINE')].notes", hasItem("本站无床位")));
		// a department's answer is recorded by the referring side
		String json = post(worker, "/api/cases/" + kase + "/referrals", """
				{"toKind":"DEPARTMENT","to":"卫健","reason":"需要家庭医生签约"}""").andReturn().getResponse()
			.getContentAsString();
		long department = ((Number) JsonPath.read(json, "$.referrals[-1].id")).longValue();
		post(receiver, "/api/cases/" + kase + "/referrals/" + department + "/accept", "{}")
			.andExpect(status().isNotFound());
		post(worker, "/api/cases/" + kase + "/referrals/" + department + "/accept", "{}")
			.andExpect(jsonPath("$.referrals[1].status").value("ACCEPTED"));
	}

	@Test
	void aClosedCaseReopensKeepingItsHistory() throws Exception {
		post(worker, "/api/cases/" + kase + "/reopen", "{\"reason\":\"再次需要\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("服务")));
		post(worker, "/api/cases/" + kase + "/close", "{\"reason\":\"目标达成\"}").andExpect(status().isOk());
		post(county, "/api/cases/" + kase + "/close/approve", "{}").andExpect(jsonPath("$.stage").value("CLOSED"));
		long open = tally("150102", "OPEN_CASES");
		long closed = tally("150102", "CLOSED_CASES");
		int events = events();
		post(worker, "/api/cases/" + kase + "/reopen", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		post(leader, "/api/cases/" + kase + "/reopen", "{\"reason\":\"x\"}").andExpect(status().isForbidden());
		post(otherCounty, "/api/cases/" + kase + "/reopen", "{\"reason\":\"x\"}").andExpect(status().isNotFound());
		assertThat(events()).isEqualTo(events);
		post(worker, "/api/cases/" + kase + "/reopen", "{\"reason\":\"老人再次摔倒\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("INTAKE"))
			.andExpect(jsonPath("$.closedOn").doesNotExist())
			.andExpect(jsonPath("$.events.length()").value(events + 1))
			.andExpect(jsonPath("$.events[*].action", hasItem("CLOSE_APPROVE")))
			.andExpect(jsonPath("$.events[-1].action").value("REOPEN"));
		assertThat(tally("150102", "OPEN_CASES")).isEqualTo(open + 1);
		assertThat(tally("150102", "CLOSED_CASES")).isEqualTo(closed - 1);
		// from intake again
		post(worker, "/api/cases/" + kase + "/assessment", """
				{"safety":3,"health":4,"dailyLiving":3,"economy":1,"family":2,"psychology":1}""")
			.andExpect(jsonPath("$.stage").value("ASSESSMENT"));
	}

	@Test
	void aTransferredPersonsCasesAndTheirCountsFollowThem() throws Exception {
		String receiverCounty = logins.sibling();
		long open = tally("150105", "OPEN_CASES");
		long left = tally("150102", "OPEN_CASES");
		post(county, "/api/persons/" + person + "/transfer", "{\"regionCode\":\"150105001\"}")
			.andExpect(status().isOk());
		assertThat(tally("150105", "OPEN_CASES")).isEqualTo(open + 1);
		assertThat(tally("150102", "OPEN_CASES")).isEqualTo(left - 1);
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(county))).andExpect(status().isNotFound());
		mvc.perform(get("/api/cases").param("personId", String.valueOf(person)).with(TestAccounts.as(receiver)))
			.andExpect(jsonPath("$[*].id", hasItem((int) kase)))
			.andExpect(jsonPath("$[0].regionCode").value("150105001"));
		// the new station works the case, its new county supervises it
		post(receiver, "/api/cases/" + kase + "/close", "{\"reason\":\"已迁出后结案\"}").andExpect(status().isOk());
		post(receiverCounty, "/api/cases/" + kase + "/close/approve", "{}")
			.andExpect(jsonPath("$.stage").value("CLOSED"));
		post(worker, "/api/cases/" + kase + "/reopen", "{\"reason\":\"x\"}").andExpect(status().isNotFound());
	}

	long tally(String region, String metric) {
		return jdbc.sql("SELECT COALESCE(SUM(entries), 0) FROM care_tally WHERE region_code = :r AND metric = :m")
			.param("r", region).param("m", metric).query(Long.class).single();
	}

	int events() {
		return jdbc.sql("SELECT COUNT(*) FROM care_case_event WHERE case_id = :c").param("c", kase)
			.query(Integer.class).single();
	}

}
