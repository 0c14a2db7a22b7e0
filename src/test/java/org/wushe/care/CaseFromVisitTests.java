package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/**
 * A need found on a visit becomes a case in one step, from the API and from the button on the person's page. The
 * visit must be the person's (400 naming visitId) and in scope (404 naming visitId), and opens one case only (409).
 */
@IntegrationTest
class CaseFromVisitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String county;

	String sibling;

	long person;

	long other;

	long visit;

	long otherVisit;

	long siblingVisit;

	@BeforeEach
	void setUp() throws Exception {
		county = logins.county();
		sibling = logins.sibling();
		person = CareFixtures.person(mvc, county, "150102001001");
		other = CareFixtures.person(mvc, county, "150102001001");
		visit = CareFixtures.visit(mvc, county, person, LocalDate.now().minusDays(1), "NEED");
		otherVisit = CareFixtures.visit(mvc, county, other, LocalDate.now().minusDays(1), "NEED");
		long siblingPerson = CareFixtures.person(mvc, sibling, "150105001001");
		siblingVisit = CareFixtures.visit(mvc, sibling, siblingPerson, LocalDate.now().minusDays(1), "URGENT");
	}

	ResultActions open(String user, long personId, long visitId) throws Exception {
		return mvc.perform(post("/api/cases").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"personId":%d,"reason":"探访发现需要照料","visitId":%d}""".formatted(personId, visitId)));
	}

	long cases() {
		return jdbc.sql("SELECT COUNT(*) FROM care_case WHERE person_id IN (:p)")
			.param("p", java.util.List.of(person, other))
			.query(Long.class)
			.single();
	}

	@Test
	void theVisitMustBeThePersonsInScopeAndOpenOneCase() throws Exception {
		open(county, person, otherVisit).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visitId"))
			.andExpect(jsonPath("$.detail").value(containsString("visitId")));
		open(county, person, siblingVisit).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("visitId")));
		open(county, person, Long.MAX_VALUE).andExpect(status().isNotFound());
		open(sibling, person, visit).andExpect(status().isNotFound());
		assertThat(cases()).isZero();

		long kase = CareFixtures.create(mvc, county, "/api/cases", """
				{"personId":%d,"reason":"探访发现需要照料","visitId":%d}""".formatted(person, visit));
		mvc.perform(get("/api/cases/" + kase).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.events[0].summary").value("visit:" + visit));
		open(county, person, visit).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(String.valueOf(kase))));
		assertThat(cases()).isEqualTo(1);
	}

	@Test
	void theVisitListOffersTheCaseInOneTap() throws Exception {
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("data-visit-open-case=\"" + visit + "\"")));
		String location = mvc.perform(post("/care/cases").with(TestAccounts.as(county)).with(csrf())
			.param("personId", String.valueOf(person))
			.param("visitId", String.valueOf(visit))
			.param("reason", "探访发现的需求"))
			.andExpect(redirectedUrlPattern("/care/cases/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String kase = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(county)))
			.andExpect(content().string(not(containsString("data-visit-open-case=\"" + visit + "\""))))
			.andExpect(content().string(containsString("data-visit-case=\"" + visit + "\"")))
			.andExpect(content().string(containsString("/care/cases/" + kase)));
		mvc.perform(post("/care/cases").with(TestAccounts.as(county)).with(csrf())
			.param("personId", String.valueOf(person))
			.param("visitId", String.valueOf(otherVisit))
			.param("reason", "探访发现的需求"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("不是服务对象")));
	}

}
