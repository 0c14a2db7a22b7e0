package org.wushe.actor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** The registry pages: forms create and edit, errors show in place, lists and counts render, menus appear. */
@IntegrationTest
class RegistryPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String county;

	@BeforeEach
	void setUp() {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
	}

	@Test
	void everyPageRenders() throws Exception {
		for (String page : List.of("/organizations", "/organizations/new", "/organizations/counts", "/workers",
				"/workers/new", "/workers/counts", "/volunteers", "/volunteers/new", "/volunteers/counts",
				"/communities", "/communities/new", "/organizations/import", "/workers/import", "/volunteers/import",
				"/organizations/counts?within=150102001", "/volunteers?lang=en")) {
			mvc.perform(get(page).with(TestAccounts.as(county))).andExpect(status().isOk());
		}
		mvc.perform(get("/").with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("href=\"/organizations\"")))
			.andExpect(content().string(containsString("href=\"/volunteers\"")))
			.andExpect(content().string(containsString("href=\"/donations\"")));
	}

	@Test
	void formsCreateRecordsAndShowErrorsInPlace() throws Exception {
		String name = "页面机构" + System.nanoTime();
		mvc.perform(post("/organizations").with(TestAccounts.as(county)).with(csrf())
			.param("name", name)
			.param("creditCode", ActorTestData.creditCode("150102"))
			.param("kind", "SOCIAL_WORK_AGENCY")
			.param("regionCode", "150102")
			.param("serviceDomains", "ELDERLY", "YOUTH"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/organizations/*"));
		mvc.perform(post("/organizations").with(TestAccounts.as(county)).with(csrf())
			.param("name", "")
			.param("creditCode", "123")
			.param("kind", "SOCIAL_WORK_AGENCY")
			.param("regionCode", "150105"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("field-errors")))
			.andExpect(content().string(containsString("统一社会信用代码：应为 18 位")))
			.andExpect(content().string(containsString("不在您的管辖范围内")));
		String idNumber = ActorTestData.idNumber("150102");
		mvc.perform(post("/workers").with(TestAccounts.as(county)).with(csrf())
			.param("name", "页面社工")
			.param("gender", "FEMALE")
			.param("idNumber", idNumber)
			.param("phone", "123")
			.param("qualification", "NONE")
			.param("regionCode", "150102"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("手机号码")))
			.andExpect(content().string(not(containsString(idNumber))));
		mvc.perform(post("/volunteers").with(TestAccounts.as(county)).with(csrf())
			.param("name", "页面志愿者")
			.param("idNumber", ActorTestData.idNumber("150102"))
			.param("regionCode", "150102001")
			.param("teams", "青年志愿服务队，巾帼志愿服务队")
			.param("skills", "急救"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/volunteers").param("q", "页面志愿者").with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("巾帼志愿服务队")));
	}

	@Test
	void theApiIsDocumented() throws Exception {
		mvc.perform(get("/api/docs").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/organizations")))
			.andExpect(content().string(containsString("/api/workers/{id}/personal-data")))
			.andExpect(content().string(containsString("/api/volunteers/import")))
			.andExpect(content().string(containsString("/api/communities")))
			.andExpect(content().string(containsString("/api/donations/totals")));
	}

}
