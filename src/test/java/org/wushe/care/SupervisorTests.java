package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/**
 * 督导标记: a county marks a worker of its station as supervisor, naming the worker's account on the station; that
 * account then approves the station's plans and closures. A sibling county can neither mark in 新城区 (150102) nor
 * approve its cases through a supervisor of its own, and an ended marking approves nothing.
 */
@IntegrationTest
class SupervisorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String county;

	String sibling;

	String station;

	String siblingStation;

	long worker;

	long siblingWorker;

	long person;

	@BeforeEach
	void setUp() throws Exception {
		county = logins.county();
		sibling = logins.sibling();
		station = logins.station();
		siblingStation = logins.siblingStation();
		worker = CareFixtures.create(mvc, county, "/api/workers", """
				{"name":"督导社工","gender":"FEMALE","idNumber":"%s","qualification":"NONE","regionCode":"150102001"}"""
			.formatted(ActorTestData.idNumber("150102")));
		siblingWorker = CareFixtures.create(mvc, sibling, "/api/workers", """
				{"name":"邻区督导","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150105001"}"""
			.formatted(ActorTestData.idNumber("150105")));
		person = CareFixtures.person(mvc, county, "150102001001");
	}

	ResultActions mark(String user, String region, long workerId, long accountId) throws Exception {
		return mvc.perform(post("/api/care/supervisors").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode":"%s","workerId":%d,"accountId":%d}""".formatted(region, workerId, accountId)));
	}

	ResultActions decide(String user, long kase, String step) throws Exception {
		return mvc.perform(post("/api/cases/" + kase + "/" + step).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"请补充服务目标\"}"));
	}

	long planned() throws Exception {
		long kase = CareFixtures.create(mvc, station, "/api/cases", """
				{"personId":%d,"reason":"独居老人需要照料"}""".formatted(person));
		CareFixtures.step(mvc, station, "/api/cases/" + kase + "/assessment", """
				{"safety":1,"health":3,"dailyLiving":2,"economy":1,"family":2,"psychology":1}""");
		CareFixtures.step(mvc, station, "/api/cases/" + kase + "/plan", """
				{"goals":"按时服药","actions":"每周上门","who":"社工","byDate":"%s"}""".formatted(LocalDate.now().plusMonths(1)));
		return kase;
	}

	@Test
	void aMarkedSupervisorApprovesTheStationsPlansAndClosures() throws Exception {
		long kase = planned();
		decide(station, kase, "plan/approve").andExpect(status().isForbidden());

		long marking = CareFixtures.create(mvc, county, "/api/care/supervisors", """
				{"regionCode":"150102001","workerId":%d,"accountId":%d}""".formatted(worker,
				logins.id(station)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'care-supervisor.mark' AND entity_id = :id")
			.param("id", String.valueOf(marking))
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/api/care/supervisors").param("region", "150102001").with(TestAccounts.as(county)))
			// the region may hold other markings (the demo's supervisor): look at this one
			.andExpect(jsonPath("$[?(@.id == %d)].workerName".formatted(marking))
				.value(org.hamcrest.Matchers.contains("督导社工")))
			.andExpect(jsonPath("$[?(@.id == %d)].username".formatted(marking))
				.value(org.hamcrest.Matchers.contains(station)));

		decide(station, kase, "plan/return").andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("ASSESSMENT"));
		CareFixtures.step(mvc, station, "/api/cases/" + kase + "/plan", """
				{"goals":"按时服药","actions":"每周上门两次","who":"社工","byDate":"%s"}""".formatted(LocalDate.now().plusMonths(1)));
		decide(station, kase, "plan/approve").andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("SERVICE"));
		CareFixtures.step(mvc, station, "/api/cases/" + kase + "/close", "{\"reason\":\"目标达成\"}");
		mvc.perform(get("/care/cases/" + kase).with(TestAccounts.as(station)))
			.andExpect(content().string(containsString("id=\"supervisor-actions\"")));

		mvc.perform(delete("/api/care/supervisors/" + marking).with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/care/supervisors/" + marking).with(TestAccounts.as(county)))
			.andExpect(status().isNoContent());
		decide(station, kase, "close/approve").andExpect(status().isForbidden());
		mvc.perform(get("/care/cases/" + kase).with(TestAccounts.as(station)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"supervisor-actions\""))));
		decide(county, kase, "close/approve").andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("CLOSED"));
	}

	@Test
	void aSiblingCountyCannotMarkNorApproveInAnotherCounty() throws Exception {
		long kase = planned();
		mark(sibling, "150102001", worker, logins.id(station)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
		mark(sibling, "150105001", worker, logins.id(siblingStation)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("workerId")));
		mark(sibling, "150105001", siblingWorker, logins.id(station)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem("accountId")));
		mark(sibling, "150105001", siblingWorker, logins.id(siblingStation))
			.andExpect(status().isCreated());
		decide(siblingStation, kase, "plan/approve").andExpect(status().isNotFound());
		decide(station, kase, "plan/approve").andExpect(status().isForbidden());
		mvc.perform(get("/api/care/supervisors").param("region", "150102").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/cases/" + kase).with(TestAccounts.as(station)))
			.andExpect(jsonPath("$.stage").value("PLAN_PENDING"));
	}

	@Test
	void aStationWorkerCannotMarkAndTheMarkingMustSitOnAStationOrCounty() throws Exception {
		mark(station, "150102001", worker, logins.id(station)).andExpect(status().isForbidden());
		mark(county, "150102001001", worker, logins.id(station)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
		mark(county, "150102", worker, logins.id(station)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"))
			.andExpect(jsonPath("$.detail").value(containsString("150102")));
		mark(county, "150102001", worker, logins.id(station)).andExpect(status().isCreated());
		mark(county, "150102001", worker, logins.id(station)).andExpect(status().isConflict());
		mvc.perform(post("/care/supervisors").with(TestAccounts.as(county)).with(csrf())
			.param("regionCode", "150105001")
			.param("workerId", String.valueOf(worker))
			.param("accountId", String.valueOf(logins.id(station))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("管辖范围")));
		mvc.perform(get("/care/supervisors").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("督导社工")));
	}

}
