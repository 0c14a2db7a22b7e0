package org.wushe.care;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/**
 * Transfer from the person's page: 新城区 (150102) moves a person to 赛罕区 (150105). The file, its open case and its
 * open urgent alert follow; both sides see the move in the history on the person's page; a county that never had the
 * person, and a township of 新城区 that never had them, see nothing.
 */
@IntegrationTest
class PersonTransferPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	String from;

	String to;

	String bystander;

	String otherTownship;

	long person;

	long kase;

	@BeforeEach
	void setUp() throws Exception {
		from = logins.county();
		to = logins.sibling();
		bystander = logins.create(Role.COUNTY_STAFF, "150104");
		otherTownship = logins.create(Role.STATION_WORKER, "150102002");
		person = CareFixtures.person(mvc, from, "150102001001");
		kase = CareFixtures.create(mvc, from, "/api/cases", """
				{"personId":%d,"reason":"独居老人需要照料"}""".formatted(person));
		CareFixtures.visit(mvc, from, person, LocalDate.now(), "URGENT");
	}

	@Test
	void bothSidesSeeTheMoveAndTheCaseAndAlertFollow() throws Exception {
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(from)))
			.andExpect(content().string(containsString("data-action=\"REGISTER\"")))
			.andExpect(content().string(containsString("id=\"transfer-form\"")));
		mvc.perform(post("/care/persons/" + person + "/transfer").with(TestAccounts.as(from)).with(csrf())
			.param("regionCode", "150105001001")).andExpect(redirectedUrl("/care/persons/" + person));

		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(from)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"moved-away\"")))
			.andExpect(content().string(containsString("data-action=\"TRANSFER\"")))
			.andExpect(content().string(not(containsString("id=\"visit-form\""))))
			.andExpect(content().string(not(containsString("id=\"case-list\""))));
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(to)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-action=\"TRANSFER\"")))
			.andExpect(content().string(containsString("data-action=\"REGISTER\"")))
			.andExpect(content().string(containsString("id=\"visit-form\"")));
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(bystander))).andExpect(status().isNotFound());
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(otherTownship)))
			.andExpect(status().isNotFound());

		mvc.perform(get("/api/cases/" + kase).with(TestAccounts.as(to)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("150105001001"));
		mvc.perform(get("/api/cases/" + kase).with(TestAccounts.as(from))).andExpect(status().isNotFound());
		mvc.perform(get("/api/visits/alerts").with(TestAccounts.as(to)))
			.andExpect(jsonPath("$[*].personId").value(hasItem((int) person)));
		mvc.perform(get("/api/visits/alerts").with(TestAccounts.as(from)))
			.andExpect(jsonPath("$[*].personId").value(not(hasItem((int) person))));
	}

	@Test
	void aBadDestinationIsShownInPlaceAndMovesNothing() throws Exception {
		mvc.perform(post("/care/persons/" + person + "/transfer").with(TestAccounts.as(from)).with(csrf())
			.param("regionCode", "150105"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"transfer-form\"")))
			.andExpect(content().string(containsString("150105")));
		mvc.perform(post("/care/persons/" + person + "/transfer").with(TestAccounts.as(from)).with(csrf())
			.param("regionCode", "150102001001"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("已在该区划登记")));
		mvc.perform(post("/care/persons/" + person + "/transfer").with(TestAccounts.as(bystander)).with(csrf())
			.param("regionCode", "150104001001")).andExpect(status().isNotFound());
		mvc.perform(get("/api/persons/" + person + "/history").with(TestAccounts.as(from)))
			.andExpect(jsonPath("$[*].action").value(not(hasItem("TRANSFER"))));
	}

}
