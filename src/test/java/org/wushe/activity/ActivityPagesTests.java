package org.wushe.activity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

@IntegrationTest
class ActivityPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ActivityService activities;

	long campaign() {
		return campaigns.create(new RegionScope(RegionCode.parse("15")), new CampaignInput(null,
				"pages-" + System.nanoTime(), "t", "15", 2, "2022-03-17", "2022-03-31",
				List.of("2022-03-24 17:00"), null, null, List.of("c1"), List.of("f1"), null, null, null), "test");
	}

	@Test
	void aCountyRecordsChangesAndDeletesThroughThePages() throws Exception {
		long id = campaign();
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/activities").with(TestAccounts.as(county))).andExpect(status().isOk());
		mvc.perform(get("/campaigns/{id}/activities/new", id).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"activity-form\"")));
		mvc.perform(post("/campaigns/{id}/activities", id).with(TestAccounts.as(county))
			.with(csrf())
			.param("regionCode", "150102001")
			.param("name", "page-activity")
			.param("participants", "12")
			.param("startDate", "3月20日")
			.param("domains", "ELDERLY", "WOMEN")
			.param("beneficiaries", "30")
			.param("fundsYuan", "100元")).andExpect(redirectedUrlPattern("/campaigns/*/activities"));
		mvc.perform(get("/campaigns/{id}/activities", id).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("page-activity")));
		// a bad value re-renders the form naming the field
		mvc.perform(post("/campaigns/{id}/activities", id).with(TestAccounts.as(county))
			.with(csrf())
			.param("regionCode", "150102001")
			.param("name", "x")
			.param("participants", "-1")
			.param("startDate", "3月20日")
			.param("domains", "ELDERLY")).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"participants\"")));

		long aid = activities.list(new RegionScope(RegionCode.parse("150102")), id, RegionCode.parse("150102"), 0, 10)
			.get(0)
			.id();
		mvc.perform(get("/activities/{aid}/edit", aid).with(TestAccounts.as(county))).andExpect(status().isOk());
		String sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		mvc.perform(get("/activities/{aid}/edit", aid).with(TestAccounts.as(sibling))).andExpect(status().isNotFound());
		mvc.perform(post("/activities/{aid}/delete", aid).with(TestAccounts.as(sibling)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{id}/activities", id).with(TestAccounts.as(sibling)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("page-activity"))));
		mvc.perform(post("/activities/{aid}/delete", aid).with(TestAccounts.as(county)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/campaigns/{id}/activities", id).with(TestAccounts.as(county)))
			.andExpect(content().string(not(containsString("page-activity"))));
	}

	@Test
	void campaignPagesShowAndEdit() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		mvc.perform(get("/campaigns/new").with(TestAccounts.as(province))).andExpect(status().isOk());
		String name = "page-campaign-" + System.nanoTime();
		mvc.perform(post("/campaigns").with(TestAccounts.as(province))
			.with(csrf())
			.param("name", name)
			.param("theme", "主题")
			.param("regionCode", "15")
			.param("reportingLevel", "2")
			.param("startDate", "2022-03-17")
			.param("endDate", "2022-03-31")
			.param("deadlines", "2022-03-24 17:00\n2022-03-31 17:00")
			.param("contentItems", "一\n二")).andExpect(redirectedUrlPattern("/campaigns/*"));
		mvc.perform(get("/campaigns").with(TestAccounts.as(province)))
			.andExpect(content().string(containsString(name)));
		mvc.perform(post("/campaigns").with(TestAccounts.as(province))
			.with(csrf())
			.param("name", "")
			.param("regionCode", "15")).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"name\"")));
		long id = campaign();
		mvc.perform(get("/campaigns/{id}", id).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2022-03-24 17:00")));
		mvc.perform(get("/campaigns/{id}/edit", id).with(TestAccounts.as(province))).andExpect(status().isOk());
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/campaigns/{id}/edit", id).with(TestAccounts.as(county))).andExpect(status().isForbidden());
		mvc.perform(get("/campaigns/{id}", id).with(TestAccounts.as(county))).andExpect(status().isOk());
	}

}
