package org.wushe.site;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/** A site's staff member can be linked only to a social worker that exists within the user's scope. */
@IntegrationTest
class SiteStaffWorkerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String saihan;

	String xincheng;

	@BeforeEach
	void setUp() {
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
	}

	long worker(String user, String region) throws Exception {
		String json = mvc.perform(post("/api/workers").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"驻站社工","gender":"FEMALE","idNumber":"%s","qualification":"NONE","regionCode":"%s"}"""
				.formatted(ActorTestData.idNumber(region), region)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	ResultActions site(String user, long workerId) throws Exception {
		return mvc.perform(post("/api/sites").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"type":"STATION","regionCode":"150102001","name":"关联社工站","status":"CLOSED",
					 "staff":[{"name":"王丽","post":"站长","phonePublic":false,"workerId":%d}]}""".formatted(workerId)));
	}

	@Test
	void aStaffMemberLinksOnlyToAWorkerInScope() throws Exception {
		long other = worker(saihan, "150105");
		for (long wrong : new long[] { other, 987_654_321L }) {
			site(xincheng, wrong)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("staff"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString(String.valueOf(wrong))));
		}
		site(xincheng, worker(xincheng, "150102")).andExpect(status().isCreated());
	}

}
