package org.wushe.region;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

@IntegrationTest
class RegionApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String province;

	@BeforeEach
	void setUp() {
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
	}

	@Test
	void answersARegionWithItsPath() throws Exception {
		mvc.perform(get("/api/regions/150102001").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("150102001"))
			.andExpect(jsonPath("$.name").value("海拉尔东路街道"))
			.andExpect(jsonPath("$.level").value(4))
			.andExpect(jsonPath("$.parentCode").value("150102"))
			.andExpect(jsonPath("$.path[*].name").value(Matchers.contains("全国", "内蒙古自治区", "呼和浩特市", "新城区",
					"海拉尔东路街道")));
		mvc.perform(get("/api/regions/150102001000").with(TestAccounts.as(province)))
			.andExpect(jsonPath("$.code").value("150102001"));
	}

	@Test
	void listsChildren() throws Exception {
		mvc.perform(get("/api/regions/150102/children").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(13)))
			.andExpect(jsonPath("$[0].code").value("150102001"))
			.andExpect(jsonPath("$[0].childCount").value(10));
	}

	@Test
	void searchesByNameWithinASubtree() throws Exception {
		mvc.perform(get("/api/regions").param("q", "海拉尔").param("within", "1501").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", Matchers.hasItem("150102001")))
			.andExpect(jsonPath("$[*].code", Matchers.everyItem(Matchers.startsWith("1501"))));
		mvc.perform(get("/api/regions").param("q", "%").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void unknownAndMalformedCodesAnswerClearly() throws Exception {
		mvc.perform(get("/api/regions/159999").with(TestAccounts.as(province)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("159999")));
		mvc.perform(get("/api/regions/abc").with(TestAccounts.as(province)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("abc")));
		mvc.perform(get("/api/regions/1234567").with(TestAccounts.as(province))).andExpect(status().isBadRequest());
	}

	@Test
	void regionPageShowsBreadcrumbsCountsAndChildren() throws Exception {
		mvc.perform(get("/regions/150102").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("海拉尔东路街道")))
			.andExpect(content().string(Matchers.containsString("内蒙古自治区")))
			.andExpect(content().string(Matchers.containsString("data-level=\"5\">90<")));
		mvc.perform(get("/regions/search").param("q", "保合少").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("150102101")));
	}

	@Test
	void englishIsAvailable() throws Exception {
		mvc.perform(get("/regions/150102").param("lang", "en").with(TestAccounts.as(province)))
			.andExpect(content().string(Matchers.containsString("Next level (13)")));
	}

	@Test
	void searchesByPinyinInitialsWithinTheCallersScope() throws Exception {
		mvc.perform(get("/api/regions").param("q", "xc").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", Matchers.hasItem("新城区")))
			.andExpect(jsonPath("$[*].code", Matchers.hasItem("150102")));
		// upper case and spaces are forgiven; a township is found by the initials of its full name
		mvc.perform(get("/api/regions").param("q", " HLEDL ").param("within", "150102").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", Matchers.hasItem("150102001")))
			.andExpect(jsonPath("$[*].code", Matchers.everyItem(Matchers.startsWith("150102"))));
		// a county user is offered nothing of a sibling county (敕勒川 lies in another county of 呼和浩特市)
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/api/regions").param("q", "clc").with(TestAccounts.as(province)))
			.andExpect(jsonPath("$[*].name", Matchers.hasItem(Matchers.startsWith("敕勒川"))));
		mvc.perform(get("/api/regions").param("q", "clc").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", Matchers.everyItem(Matchers.startsWith("150102"))));
		mvc.perform(get("/api/regions").param("q", "xc").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].code", Matchers.hasItem("150102")))
			.andExpect(jsonPath("$[*].code", Matchers.everyItem(Matchers.startsWith("150102"))));
	}

}
