package org.wushe.care;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/**
 * Caseload views (mine, my station, below me) with the overdue tasks at their default limits (7, 14 and 30 days),
 * on the API, the page and the worker's home page; other subtrees, a lower level and the read-only role see none of it.
 */
@IntegrationTest
class CaseloadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String worker;

	String colleague;

	String county;

	String sibling;

	String lower;

	String leader;

	long noAssessment;

	long noPlan;

	long noService;

	long fresh;

	@BeforeEach
	void setUp() throws Exception {
		worker = logins.station();
		colleague = logins.station();
		county = logins.county();
		sibling = logins.sibling();
		lower = logins.create(Role.STATION_WORKER, "150102002");
		leader = logins.leader();
		LocalDate today = LocalDate.now();
		noAssessment = CareFixtures.create(mvc, worker, "/api/cases", """
				{"personId":%d,"reason":"待预估"}""".formatted(CareFixtures.person(mvc, worker, "150102001001")));
		intake(noAssessment, today.minusDays(10));
		noPlan = CareFixtures.create(mvc, worker, "/api/cases", """
				{"personId":%d,"reason":"待计划"}""".formatted(CareFixtures.person(mvc, worker, "150102001001")));
		CareFixtures.step(mvc, worker, "/api/cases/" + noPlan + "/assessment", """
				{"safety":1,"health":1,"dailyLiving":1,"economy":1,"family":1,"psychology":1}""");
		intake(noPlan, today.minusDays(20));
		noService = CareFixtures.caseInService(mvc, worker, county, CareFixtures.person(mvc, worker, "150102001001"));
		jdbc.sql("UPDATE care_case SET plan_approved_on = :d, intake_on = :d WHERE id = :id")
			.param("d", today.minusDays(40)).param("id", noService).update();
		fresh = CareFixtures.create(mvc, colleague, "/api/cases", """
				{"personId":%d,"reason":"新接案"}""".formatted(CareFixtures.person(mvc, colleague, "150102001001")));
	}

	void intake(long kase, LocalDate on) {
		jdbc.sql("UPDATE care_case SET intake_on = :d WHERE id = :id").param("d", on).param("id", kase).update();
	}

	@Test
	void viewsListTheRightCasesAndTheirOverdueTasks() throws Exception {
		mvc.perform(get("/api/cases/caseload").param("view", "MINE").with(TestAccounts.as(worker)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cases[*].id", hasItem((int) noAssessment)))
			.andExpect(jsonPath("$.cases[*].id", not(hasItem((int) fresh))))
			.andExpect(jsonPath("$.overdue[?(@.caseId == %d)].task".formatted(noAssessment), hasItem("ASSESSMENT")))
			.andExpect(jsonPath("$.overdue[?(@.caseId == %d)].daysOverdue".formatted(noAssessment), hasItem(3)))
			.andExpect(jsonPath("$.overdue[?(@.caseId == %d)].task".formatted(noPlan), hasItem("PLAN_APPROVAL")))
			.andExpect(jsonPath("$.overdue[?(@.caseId == %d)].task".formatted(noService), hasItem("SERVICE")))
			.andExpect(jsonPath("$.overdue[?(@.caseId == %d)].task".formatted(noAssessment),
					not(hasItem("PLAN_APPROVAL"))))
			.andExpect(jsonPath("$.overdue[*].caseId", not(hasItem((int) fresh))));
		mvc.perform(get("/api/cases/caseload").param("view", "STATION").with(TestAccounts.as(colleague)))
			.andExpect(jsonPath("$.cases[*].id", hasItem((int) noAssessment)))
			.andExpect(jsonPath("$.cases[*].id", hasItem((int) fresh)));
		mvc.perform(get("/api/cases/caseload").param("view", "MINE").with(TestAccounts.as(colleague)))
			.andExpect(jsonPath("$.overdue[*].caseId", not(hasItem((int) noAssessment))));
		mvc.perform(get("/api/cases/caseload").param("view", "BELOW").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.cases[*].id", hasItem((int) fresh)))
			.andExpect(jsonPath("$.overdue[*].caseId", hasItem((int) noService)));
		// a service today ends the service task
		CareFixtures.step(mvc, worker, "/api/cases/" + noService + "/services", """
				{"date":"%s","kind":"INDIVIDUAL"}""".formatted(LocalDate.now()));
		mvc.perform(get("/api/cases/overdue").param("view", "STATION").with(TestAccounts.as(worker)))
			.andExpect(jsonPath("$[*].caseId", not(hasItem((int) noService))))
			.andExpect(jsonPath("$[*].caseId", hasItem((int) noPlan)));
		mvc.perform(get("/api/cases/caseload").param("view", "ALL").with(TestAccounts.as(worker)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("view")));
	}

	@Test
	void theWorkerSeesOverdueTasksOnTheHomePageAndTheCaseloadPage() throws Exception {
		mvc.perform(get("/").with(TestAccounts.as(worker)))
			.andExpect(content().string(containsString("/care/cases/" + noAssessment)))
			.andExpect(content().string(containsString("接案后未完成预估")));
		mvc.perform(get("/").with(TestAccounts.as(colleague)))
			.andExpect(content().string(not(containsString("/care/cases/" + noAssessment + "\""))));
		mvc.perform(get("/care/cases").param("view", "STATION").with(TestAccounts.as(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-task=\"PLAN_APPROVAL\"")))
			.andExpect(content().string(containsString("/care/cases/" + fresh)));
		mvc.perform(get("/care/cases").param("view", "NONE").with(TestAccounts.as(worker)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void otherSubtreesLowerLevelsAndTheReadOnlyRoleSeeNothingOfIt() throws Exception {
		for (String user : new String[] { sibling, lower }) {
			for (String view : new String[] { "MINE", "STATION", "BELOW" }) {
				for (String path : new String[] { "/api/cases/caseload", "/api/cases/overdue" }) {
					mvc.perform(get(path).param("view", view).with(TestAccounts.as(user)))
						.andExpect(status().isOk())
						.andExpect(content().string(not(containsString("\"caseId\":" + noAssessment + ","))))
						.andExpect(content().string(not(containsString("\"id\":" + noAssessment + ","))));
				}
				mvc.perform(get("/api/cases/caseload").param("view", view).param("region", "150102001")
					.with(TestAccounts.as(user))).andExpect(status().isNotFound());
				mvc.perform(get("/care/cases").param("view", view).with(TestAccounts.as(user)))
					.andExpect(content().string(not(containsString("/care/cases/" + noAssessment + "\""))));
			}
			mvc.perform(get("/").with(TestAccounts.as(user)))
				.andExpect(content().string(not(containsString("/care/cases/" + noAssessment + "\""))));
		}
		// the read-only leader reads the county's figures but has no tasks of its own and writes nothing
		mvc.perform(get("/api/cases/caseload").param("view", "BELOW").with(TestAccounts.as(leader)))
			.andExpect(jsonPath("$.cases[*].id", hasItem((int) noAssessment)));
		mvc.perform(get("/").with(TestAccounts.as(leader)))
			.andExpect(content().string(not(containsString("接案后未完成预估"))));
		mvc.perform(post("/api/cases/" + noAssessment + "/assessment").with(TestAccounts.as(leader))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"safety\":1,\"health\":1,\"dailyLiving\":1,\"economy\":1,\"family\":1,\"psychology\":1}"))
			.andExpect(status().isForbidden());
	}

}
