package org.wushe.campaign;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class CampaignApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	static String body(String name, String region, int level) {
		return """
				{"name": "%s", "theme": "五社联动聚合力 社工服务暖基层", "regionCode": "%s", "reportingLevel": %d,
				 "startDate": "2022-03-17", "endDate": "2022-03-31",
				 "deadlines": ["2022-03-31T17:00:00+08:00", "2022-03-24T09:00:00Z"],
				 "summaryDeadline": "2022-04-05T17:00:00+08:00",
				 "contentItems": ["宣传社会工作", "  "], "activityForms": ["主题活动"],
				 "contactName": "张三", "contactPhone": "0471-6945000", "contactEmail": "a@b.cn"}
				""".formatted(name, region, level);
	}

	long create(String user, String json) throws Exception {
		String answer = mvc.perform(post("/api/campaigns").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(answer, "$.id")).longValue();
	}

	@Test
	void createsACampaignWithSortedDeadlinesInShanghaiTime() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		long id = create(province, body("campaign-" + System.nanoTime(), "15", 2));
		mvc.perform(get("/api/campaigns/{id}", id).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("15"))
			.andExpect(jsonPath("$.reportingLevel").value(2))
			.andExpect(jsonPath("$.deadlines[0]").value("2022-03-24T17:00:00+08:00"))
			.andExpect(jsonPath("$.deadlines[1]").value("2022-03-31T17:00:00+08:00"))
			.andExpect(jsonPath("$.summaryDeadline").value("2022-04-05T17:00:00+08:00"))
			.andExpect(jsonPath("$.contentItems.length()").value(1))
			.andExpect(jsonPath("$.activityForms[0]").value("主题活动"));
	}

	@Test
	void datesAreReadAsPeopleWriteThemInChinese() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		long id = create(province, body("campaign-" + System.nanoTime(), "15", 2)
			.replace("\"2022-03-17\"", "\"２０２２年３月１７日\"")
			.replace("\"2022-03-31\",", "\"2022/3/31\","));
		mvc.perform(get("/api/campaigns/{id}", id).with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.startDate").value("2022-03-17"))
			.andExpect(jsonPath("$.endDate").value("2022-03-31"));
	}

	@Test
	void lowerLevelsSeeACampaignAndSiblingsDoNotSeeALocalOne() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		long id = create(province, body("campaign-" + System.nanoTime(), "15", 2));
		String xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		mvc.perform(get("/api/campaigns/{id}", id).with(TestAccounts.as(saihan))).andExpect(status().isOk());

		String local = """
				{"parentId": %d, "name": "新城区社工宣传周", "regionCode": "150102", "reportingLevel": 4,
				 "startDate": "2022-03-20", "endDate": "2022-03-26", "deadlines": ["2022-03-26 17:00"]}
				""".formatted(id);
		long localId = create(xincheng, local);
		mvc.perform(get("/api/campaigns/{id}", localId).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.theme").value("五社联动聚合力 社工服务暖基层"))
			.andExpect(jsonPath("$.parentId").value(id));
		mvc.perform(get("/api/campaigns/{id}", localId).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns").with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", not(hasItem((int) localId))))
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		mvc.perform(get("/api/campaigns/{id}", localId).with(TestAccounts.as(province))).andExpect(status().isOk());
		// the sibling county cannot change it either
		mvc.perform(put("/api/campaigns/{id}", localId).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(local)).andExpect(status().isNotFound());
	}

	@Test
	void aLocalCampaignStaysInsideItsParentsWindow() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		long id = create(province, body("campaign-" + System.nanoTime(), "15", 2));
		String city = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		mvc.perform(post("/api/campaigns").with(TestAccounts.as(city))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"parentId": %d, "name": "x", "regionCode": "1501", "reportingLevel": 3,
					 "startDate": "2022-03-10", "endDate": "2022-03-26"}
					""".formatted(id)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("startDate"));
	}

	@Test
	void badInputNamesEveryField() throws Exception {
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		mvc.perform(post("/api/campaigns").with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "", "theme": "t", "regionCode": "1502", "reportingLevel": 2,
					 "startDate": "2022-02-30", "endDate": "2022-03-31", "deadlines": ["next friday"],
					 "contactEmail": "nope"}
					"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("reportingLevel")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("startDate")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("deadlines")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("contactEmail")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("报送时限")));
	}

	@Test
	void onlyManagersCreateAndOnlyInsideTheirScope() throws Exception {
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		mvc.perform(post("/api/campaigns").with(TestAccounts.as(worker))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("x", "150102001", 5))).andExpect(status().isForbidden());
		String saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		mvc.perform(post("/api/campaigns").with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("x", "150102", 4)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
	}

}
