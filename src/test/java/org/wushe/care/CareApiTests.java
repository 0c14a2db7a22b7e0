package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

import com.jayway.jsonpath.JsonPath;

/**
 * The care API as integrations use it: registration with masked answers and the one-file rule, bad input naming the
 * field, visits moving the due date, and a case from intake to closure with stage checks.
 */
@IntegrationTest
class CareApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String station;

	String county;

	String leader;

	@BeforeEach
	void setUp() {
		station = logins.station();
		county = logins.county();
		leader = logins.leader();
	}

	ResultActions post(String user, String path, String body) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@Test
	void registersWithMaskedFieldsAndDueFirstVisitWithinAWeek() throws Exception {
		String body = CareFixtures.adult("150102001001", "\"ELDER_ALONE\",\"LOW_INCOME\"", "HIGH");
		String id = JsonPath.read(body, "$.idNumber");
		String json = post(station, "/api/persons", body).andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.idNumber").value(not(id)))
			.andExpect(jsonPath("$.idNumber").value(containsString("*")))
			.andExpect(jsonPath("$.address").value(not(containsString("12号"))))
			.andExpect(jsonPath("$.hasHealthNotes").value(true))
			.andExpect(jsonPath("$.categories", hasItem("LOW_INCOME")))
			.andExpect(jsonPath("$.visitIntervalDays").value(30))
			.andExpect(jsonPath("$.nextDue").value(LocalDate.now().plusDays(7).toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).doesNotContain("高血压").doesNotContain(id);
		long person = ((Number) JsonPath.read(json, "$.id")).longValue();
		// stored sealed
		String stored = jdbc.sql("SELECT id_number_cipher || health_cipher FROM care_person WHERE id = :id")
			.param("id", person).query(String.class).single();
		assertThat(stored).doesNotContain(id).doesNotContain("高血压");
		// the county may reveal (audited); the worker may not
		mvc.perform(get("/api/persons/{id}/personal-data", person).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idNumber").value(id))
			.andExpect(jsonPath("$.healthNotes").value("高血压，行动不便"));
		mvc.perform(get("/api/persons/{id}/personal-data", person).with(TestAccounts.as(station)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'personal-data.view'"
				+ " AND entity_type = 'person' AND entity_id = :id").param("id", String.valueOf(person))
			.query(Long.class).single()).isEqualTo(1);
		// one file in the whole country: a second registration names the region, and stores nothing
		long there = jdbc.sql("SELECT COUNT(*) FROM care_person WHERE region_code = '150102001002'")
			.query(Long.class).single();
		post(county, "/api/persons", body.replace("150102001001", "150102001002")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("公主府社区")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM care_person WHERE region_code = '150102001002'")
			.query(Long.class).single()).isEqualTo(there);
	}

	@Test
	void badInputNamesTheFieldAndStoresNothing() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM care_person").query(Long.class).single();
		post(station, "/api/persons", CareFixtures.adult("150102001001", "\"NO_SUCH\"", "HIGH"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("categories")))
			.andExpect(jsonPath("$.detail").value(containsString("NO_SUCH")));
		String child = """
				{"regionCode":"150102001001","name":"小明","gender":"MALE","birthDate":"%s",
				 "phone":"%s","categories":["CHILD_LEFT_BEHIND"],"riskLevel":"MEDIUM"}"""
			.formatted(LocalDate.now().minusYears(8), ActorTestData.mobile());
		post(station, "/api/persons", child).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("guardianConsent")))
			.andExpect(jsonPath("$.detail").value(containsString("监护人")));
		post(station, "/api/persons", CareFixtures.adult("150102", "\"ELDER_ALONE\"", "LOW"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("regionCode")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM care_person").query(Long.class).single()).isEqualTo(before);
		// with consent the child is registered
		String consented = child.replace("\"riskLevel\":\"MEDIUM\"", """
				"riskLevel":"MEDIUM","guardianConsent":{"guardianName":"王芳","relation":"母亲","date":"%s","method":"SIGNED"}"""
			.formatted(LocalDate.now()));
		post(station, "/api/persons", consented).andExpect(status().isCreated())
			.andExpect(jsonPath("$.guardianConsent.method").value("SIGNED"));
		// a child without sensitive fields needs no consent
		post(station, "/api/persons", child.replaceAll("\"phone\":\"\\d+\",", "")).andExpect(status().isCreated());
	}

	@Test
	void visitsMoveTheDueDateAndFutureDatesAreRefused() throws Exception {
		long person = CareFixtures.person(mvc, station, "150102001001");
		post(station, "/api/persons/" + person + "/visits", """
				{"date":"%s","way":"HOME","followUp":"NONE"}""".formatted(LocalDate.now().plusDays(1)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("date")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM care_visit WHERE person_id = :p").param("p", person)
			.query(Long.class).single()).isZero();
		LocalDate date = LocalDate.now().minusDays(40);
		CareFixtures.visit(mvc, station, person, date, "NONE");
		mvc.perform(get("/api/persons/{id}", person).with(TestAccounts.as(station)))
			.andExpect(jsonPath("$.lastVisitOn").value(date.toString()))
			.andExpect(jsonPath("$.nextDue").value(date.plusDays(30).toString()))
			.andExpect(jsonPath("$.overdue").value(true));
		mvc.perform(get("/api/visits/due").param("region", "150102001").with(TestAccounts.as(station)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.personId == " + person + ")].overdue", hasItem(true)));
		mvc.perform(get("/api/visits/due").param("within", "-1").with(TestAccounts.as(station)))
			.andExpect(status().isBadRequest());
		// the read-only leader cannot record
		post(leader, "/api/persons/" + person + "/visits", """
				{"date":"%s","way":"HOME","followUp":"NONE"}""".formatted(LocalDate.now()))
			.andExpect(status().isForbidden());
	}

	@Test
	void urgentVisitAlertsTheCountyAndACaseRunsToClosure() throws Exception {
		long person = CareFixtures.person(mvc, station, "150102001001");
		long visit = CareFixtures.visit(mvc, station, person, LocalDate.now(), "URGENT");
		mvc.perform(get("/").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("/care/persons/" + person)));
		long kase = CareFixtures.create(mvc, station, "/api/cases", """
				{"personId":%d,"reason":"独居老人血压偏高，需要持续关注","visitId":%d}""".formatted(person, visit));
		mvc.perform(get("/api/visits/alerts").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].visitId", not(hasItem((int) visit))));
		// wrong stage: a plan before the assessment
		post(station, "/api/cases/" + kase + "/plan", """
				{"goals":"稳定血压","actions":"每周测血压","who":"张社工","byDate":"%s"}""".formatted(LocalDate.now().plusMonths(1)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("接案")));
		post(station, "/api/cases/" + kase + "/assessment", """
				{"safety":2,"health":4,"dailyLiving":3,"economy":1,"family":2,"psychology":9}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("psychology")));
		post(station, "/api/cases/" + kase + "/assessment", """
				{"safety":2,"health":4,"dailyLiving":3,"economy":1,"family":2,"psychology":1,"notes":"子女在外地"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("ASSESSMENT"))
			.andExpect(jsonPath("$.assessmentScore").value(13));
		post(station, "/api/cases/" + kase + "/plan", """
				{"goals":"稳定血压","actions":"每周测血压","who":"张社工","byDate":"%s"}""".formatted(LocalDate.now().plusMonths(1)))
			.andExpect(jsonPath("$.stage").value("PLAN_PENDING"));
		// the worker is no supervisor
		post(station, "/api/cases/" + kase + "/plan/approve", "{}").andExpect(status().isForbidden());
		post(county, "/api/cases/" + kase + "/plan/return", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		post(county, "/api/cases/" + kase + "/plan/return", "{\"reason\":\"目标不够具体\"}")
			.andExpect(jsonPath("$.stage").value("ASSESSMENT"));
		post(station, "/api/cases/" + kase + "/plan", """
				{"goals":"三个月内血压稳定","actions":"每周测血压","who":"张社工","byDate":"%s"}""".formatted(LocalDate.now().plusMonths(3)))
			.andExpect(jsonPath("$.stage").value("PLAN_PENDING"));
		post(county, "/api/cases/" + kase + "/plan/approve", "{}").andExpect(jsonPath("$.stage").value("SERVICE"));
		post(station, "/api/cases/" + kase + "/services", """
				{"date":"%s","kind":"INDIVIDUAL","notes":"上门测血压"}""".formatted(LocalDate.now()))
			.andExpect(jsonPath("$.lastServiceOn").value(LocalDate.now().toString()));
		post(station, "/api/cases/" + kase + "/referrals", """
				{"toKind":"DEPARTMENT","to":"卫健","reason":"需要家庭医生签约"}""").andExpect(status().isOk());
		post(station, "/api/cases/" + kase + "/close/approve", "{}").andExpect(status().isForbidden());
		post(county, "/api/cases/" + kase + "/close/approve", "{}").andExpect(status().isConflict());
		post(station, "/api/cases/" + kase + "/close", "{\"reason\":\"目标达成\",\"review\":\"血压稳定\"}")
			.andExpect(jsonPath("$.stage").value("CLOSE_PENDING"));
		post(county, "/api/cases/" + kase + "/close/approve", "{}").andExpect(jsonPath("$.stage").value("CLOSED"));
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.events.length()").value(10))
			.andExpect(jsonPath("$.events[?(@.action == 'PLAN_RETURN')].notes", hasItem("目标不够具体")));
		// the notes are sealed at rest
		assertThat(jdbc.sql("SELECT COUNT(*) FROM care_case_event WHERE case_id = :c AND notes_cipher LIKE '%目标%'")
			.param("c", kase).query(Long.class).single()).isZero();
		post(county, "/api/cases/" + kase + "/services", """
				{"date":"%s","kind":"INDIVIDUAL"}""".formatted(LocalDate.now()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("已结案")));
	}

	@Test
	void transferMovesThePersonAndItsCasesAndBothSidesSeeIt() throws Exception {
		String other = logins.sibling();
		long person = CareFixtures.person(mvc, station, "150102001001");
		long kase = CareFixtures.create(mvc, station, "/api/cases", """
				{"personId":%d,"reason":"搬家前接案"}""".formatted(person));
		post(county, "/api/persons/" + person + "/transfer", "{\"regionCode\":\"150105001\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("150105001"));
		mvc.perform(get("/api/persons/{id}", person).with(TestAccounts.as(county))).andExpect(status().isNotFound());
		mvc.perform(get("/api/persons/{id}", person).with(TestAccounts.as(other))).andExpect(status().isOk());
		mvc.perform(get("/api/cases/{id}", kase).with(TestAccounts.as(other))).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM care_person WHERE id = :id").param("id", person)
			.query(Long.class).single()).isEqualTo(1);
		for (String user : new String[] { county, other }) {
			mvc.perform(get("/api/persons/transfers").with(TestAccounts.as(user)))
				.andExpect(jsonPath("$[*].personId", hasItem((int) person)));
		}
		// the region is not edited in place
		mvc.perform(put("/api/persons/{id}", person).with(TestAccounts.as(other))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CareFixtures.adult("150105001001", "\"ELDER_ALONE\"", "LOW")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("regionCode")));
	}

	@Test
	void dashboardHasACareSection() throws Exception {
		long person = CareFixtures.person(mvc, station, "150102001001");
		CareFixtures.visit(mvc, station, person, LocalDate.now(), "NONE");
		mvc.perform(get("/api/stats/dashboard").param("region", "150102001001").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.care.persons").isNumber())
			.andExpect(jsonPath("$.care.personsServed").isNumber())
			.andExpect(jsonPath("$.care.visitsOverdue").isNumber())
			.andExpect(jsonPath("$.care.byCategory.ELDER_ALONE").isNumber());
	}

}
