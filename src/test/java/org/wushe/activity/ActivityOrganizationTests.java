package org.wushe.activity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wushe.support.TestCampaigns.id;

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
import org.wushe.support.TestCampaigns;

import com.jayway.jsonpath.JsonPath;

/** The units of an activity may name registered organizations: only those in the user's scope. */
@IntegrationTest
class ActivityOrganizationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String province;

	String xincheng;

	String saihan;

	long campaign;

	long own;

	long sibling;

	String ownName;

	String siblingName;

	@BeforeEach
	void data() throws Exception {
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		campaign = TestCampaigns.create(mvc, province, "org-link", "2022-03-24T17:00:00+08:00");
		long n = System.nanoTime() % 100_000;
		ownName = "阳光社工服务中心" + n;
		siblingName = "阳光社工服务社" + n;
		own = organization(xincheng, ownName, "150102");
		sibling = organization(saihan, siblingName, "150105");
	}

	long organization(String user, String name, String region) throws Exception {
		return id(mvc.perform(post("/api/organizations").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"%s","creditCode":"%s","kind":"SOCIAL_WORK_AGENCY","regionCode":"%s"}
					""".formatted(name, ActorTestData.creditCode(region), region)))
			.andExpect(status().isCreated()));
	}

	ResultActions record(String organizationIds) throws Exception {
		return mvc.perform(post("/api/campaigns/{id}/activities", campaign).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode": "150102", "name": "linked", "units": "阳光社工和社区志愿者", "participants": 3,
					 "startDate": "2022-03-20", "domains": ["ELDERLY"], "beneficiaries": 5, "fundsYuan": 0,
					 "materialsYuan": 0 %s}
					""".formatted(organizationIds == null ? "" : ", \"organizationIds\": " + organizationIds)));
	}

	@Test
	void linksAnOrganizationInScopeAndKeepsTheFreeText() throws Exception {
		long activity = id(record("[" + own + ", " + own + "]").andExpect(status().isCreated())
			.andExpect(jsonPath("$.units").value("阳光社工和社区志愿者"))
			.andExpect(jsonPath("$.organizationIds", hasSize(1)))
			.andExpect(jsonPath("$.organizationIds[0]").value(own))
			.andExpect(jsonPath("$.organizations[0].name").value(ownName)));
		mvc.perform(get("/api/campaigns/{id}/activities", campaign).param("region", "150102")
			.with(TestAccounts.as(province)))
			.andExpect(jsonPath("$[0].organizationIds[0]").value(own));
		mvc.perform(get("/activities/{id}", activity).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/organizations/" + own)))
			.andExpect(content().string(containsString(ownName)));
		String update = """
				{"regionCode": "150102", "name": "linked", "participants": 3, "startDate": "2022-03-20",
				 "domains": ["ELDERLY"], "beneficiaries": 5, "fundsYuan": 0, "materialsYuan": 0 %s}
				""";
		mvc.perform(put("/api/activities/{id}", activity).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON).content(update.formatted("")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organizationIds[0]").value(own));
		mvc.perform(put("/api/activities/{id}", activity).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON).content(update.formatted(", \"organizationIds\": []")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organizationIds", hasSize(0)));
	}

	@Test
	void refusesAnOrganizationOutsideTheScopeOrUnknownNamingTheField() throws Exception {
		record("[" + sibling + "]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organizationIds"))
			.andExpect(jsonPath("$.detail")
				.value("参与活动的社会组织（已登记）：社会组织“" + sibling + "”不存在或不在您的管辖范围内"));
		record("[" + own + ", 987654321]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].message").value("社会组织“987654321”不存在或不在您的管辖范围内"));
		mvc.perform(get("/api/campaigns/{id}/activities", campaign).param("region", "150102")
			.with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void thePickerFindsOrganizationsInScopeByNameAndPinyinInitials() throws Exception {
		mvc.perform(get("/activities/organization-search").param("q", "ygsg").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ownName)))
			.andExpect(content().string(containsString("data-id=\"" + own + "\"")))
			.andExpect(content().string(not(containsString(siblingName))));
		mvc.perform(get("/activities/organization-search").param("q", siblingName).with(TestAccounts.as(xincheng)))
			.andExpect(content().string(not(containsString(siblingName))));
		mvc.perform(get("/activities/organization-search").param("q", siblingName).with(TestAccounts.as(saihan)))
			.andExpect(content().string(containsString(siblingName)));
	}

	@Test
	void theFormStoresTheChosenOrganizationsAndShowsThemWhenEditing() throws Exception {
		mvc.perform(post("/campaigns/{id}/activities", campaign).with(TestAccounts.as(xincheng)).with(csrf())
			.param("regionCode", "150102").param("name", "form linked").param("participants", "1")
			.param("startDate", "2022-03-21").param("domains", "ELDERLY").param("beneficiaries", "1")
			.param("fundsYuan", "0").param("materialsYuan", "0").param("organizationIds", String.valueOf(own)))
			.andExpect(status().is3xxRedirection());
		String list = mvc.perform(get("/api/campaigns/{id}/activities", campaign).param("region", "150102")
			.with(TestAccounts.as(xincheng))).andReturn().getResponse().getContentAsString();
		long activity = ((Number) JsonPath.<java.util.List<Object>>read(list, "$[?(@.name == 'form linked')].id")
			.get(0)).longValue();
		mvc.perform(get("/activities/{id}/edit", activity).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"organizationIds\" value=\"" + own + "\"")));
		mvc.perform(post("/campaigns/{id}/activities", campaign).with(TestAccounts.as(xincheng)).with(csrf())
			.param("regionCode", "150102").param("name", "form refused").param("participants", "1")
			.param("startDate", "2022-03-21").param("domains", "ELDERLY").param("beneficiaries", "1")
			.param("fundsYuan", "0").param("materialsYuan", "0").param("organizationIds", String.valueOf(sibling)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"organizationIds\"")));
	}

	@Test
	void anEditCannotDropALinkTheEditorCannotSee() throws Exception {
		long activity = id(mvc.perform(post("/api/campaigns/{id}/activities", campaign).with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode": "150102", "name": "linked above", "participants": 3, "startDate": "2022-03-20",
					 "domains": ["ELDERLY"], "beneficiaries": 5, "fundsYuan": 0, "materialsYuan": 0,
					 "organizationIds": [%d]}
					""".formatted(sibling)))
			.andExpect(status().isCreated()));
		mvc.perform(get("/api/activities/{id}", activity).with(TestAccounts.as(xincheng)))
			.andExpect(jsonPath("$.organizations", hasSize(0)));
		mvc.perform(put("/api/activities/{id}", activity).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode": "150102", "name": "linked above", "participants": 3, "startDate": "2022-03-20",
					 "domains": ["ELDERLY"], "beneficiaries": 5, "fundsYuan": 0, "materialsYuan": 0,
					 "organizationIds": [%d]}
					""".formatted(own)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organizationIds", hasSize(1)));
		mvc.perform(get("/api/activities/{id}", activity).with(TestAccounts.as(province)))
			.andExpect(jsonPath("$.organizationIds", hasSize(2)))
			.andExpect(jsonPath("$.organizationIds[0]").value(own))
			.andExpect(jsonPath("$.organizationIds[1]").value(sibling));
	}

}
