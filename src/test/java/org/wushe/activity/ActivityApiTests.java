package org.wushe.activity;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestCampaigns;


@IntegrationTest
class ActivityApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String province;

	String xincheng;

	String saihan;

	long campaign;

	@BeforeEach
	void campaign() throws Exception {
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		campaign = TestCampaigns.create(mvc, province, "activity-test", "2022-03-24T17:00:00+08:00",
				"2022-03-31T17:00:00+08:00");
	}

	ResultActions record(String user, String json) throws Exception {
		return mvc.perform(post("/api/campaigns/{id}/activities", campaign).with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	static final String MESSY = """
			{"regionCode": "150102001", "name": "关爱老人义诊", "units": "新城区社工站、海拉尔东路社区",
			 "participants": "１２０人次", "startDate": "3月20日-22日", "place": "社区广场", "content": "义诊",
			 "domains": ["老年人、儿童"], "beneficiaries": "1,500", "fundsYuan": "1,200.50元", "materialsYuan": "0.3万元",
			 "remarks": ""}
			""";

	@Test
	void recordsAMessyActivityAndFlagsDatesOutsideTheWindow() throws Exception {
		record(xincheng, MESSY).andExpect(status().isCreated())
			.andExpect(jsonPath("$.participants").value(120))
			.andExpect(jsonPath("$.startDate").value("2022-03-20"))
			.andExpect(jsonPath("$.endDate").value("2022-03-22"))
			.andExpect(jsonPath("$.domains[0]").value("ELDERLY"))
			.andExpect(jsonPath("$.domains[1]").value("CHILDREN"))
			.andExpect(jsonPath("$.beneficiaries").value(1500))
			.andExpect(jsonPath("$.fundsYuan").value(1200.50))
			.andExpect(jsonPath("$.materialsYuan").value(3000.00))
			.andExpect(jsonPath("$.outsideWindow").value(false));
		record(xincheng, """
				{"regionCode": "150102", "name": "n", "participants": 3, "startDate": "2022-04-02",
				 "domains": ["WOMEN"], "beneficiaries": 0}
				""").andExpect(status().isCreated()).andExpect(jsonPath("$.outsideWindow").value(true));
	}

	@Test
	void badValuesAreNamedAndNothingIsStored() throws Exception {
		record(xincheng, """
				{"regionCode": "150102", "name": "", "participants": "-3", "startDate": "3月32日",
				 "domains": ["宇航员"], "beneficiaries": "1.5", "fundsYuan": "12.345", "materialsYuan": "abc"}
				""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("participants")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("startDate")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("domains")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("beneficiaries")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("fundsYuan")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("materialsYuan")));
		mvc.perform(get("/api/campaigns/{id}/activities", campaign).with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		// a region outside the user's scope is refused, not stored
		record(xincheng, MESSY.replace("150102001", "150105001")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
	}

	@Test
	void totalsMoveWithEveryWriteAtEveryLevel() throws Exception {
		long id = id(record(xincheng, MESSY).andExpect(status().isCreated()));
		stats(province, "15").andExpect(jsonPath("$.activities").value(1))
			.andExpect(jsonPath("$.participants").value(120))
			.andExpect(jsonPath("$.beneficiaries").value(1500))
			.andExpect(jsonPath("$.fundsYuan").value(1200.50))
			.andExpect(jsonPath("$.materialsYuan").value(3000.00))
			.andExpect(jsonPath("$.byDomain.老年人.activities").value(1))
			.andExpect(jsonPath("$.byDomain.儿童青少年.beneficiaries").value(1500))
			.andExpect(jsonPath("$.byDomain.妇女.activities").value(0));
		stats(xincheng, "150102001").andExpect(jsonPath("$.activities").value(1));
		stats(province, "1502").andExpect(jsonPath("$.activities").value(0));

		mvc.perform(put("/api/activities/{id}", id).with(TestAccounts.as(xincheng))
			.contentType(MediaType.APPLICATION_JSON)
			.content(MESSY.replace("150102001", "150102002").replace("１２０人次", "80")))
			.andExpect(status().isOk());
		stats(province, "15").andExpect(jsonPath("$.activities").value(1)).andExpect(jsonPath("$.participants").value(80));
		stats(province, "150102001").andExpect(jsonPath("$.activities").value(0));
		stats(province, "150102002").andExpect(jsonPath("$.activities").value(1));

		mvc.perform(delete("/api/activities/{id}", id).with(TestAccounts.as(xincheng))).andExpect(status().isNoContent());
		stats(province, "15").andExpect(jsonPath("$.activities").value(0)).andExpect(jsonPath("$.fundsYuan").value(0));
	}

	@Test
	void aSiblingCountySeesNothingOfIt() throws Exception {
		long id = id(record(xincheng, MESSY).andExpect(status().isCreated()));
		mvc.perform(get("/api/activities/{id}", id).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(put("/api/activities/{id}", id).with(TestAccounts.as(saihan))
			.contentType(MediaType.APPLICATION_JSON)
			.content(MESSY)).andExpect(status().isNotFound());
		mvc.perform(delete("/api/activities/{id}", id).with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/activities", campaign).param("region", "150102")
			.with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/activities", campaign).with(TestAccounts.as(saihan)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		stats(saihan, "150102").andExpect(status().isNotFound());
		stats(saihan, "150105").andExpect(status().isOk()).andExpect(jsonPath("$.activities").value(0));
		mvc.perform(get("/api/activities/{id}", id).with(TestAccounts.as(province))).andExpect(status().isOk());
	}

	@Test
	void statsRejectAReversedPeriod() throws Exception {
		mvc.perform(get("/api/stats/activities").param("region", "15")
			.param("from", "2022-03-31")
			.param("to", "2022-03-01")
			.with(TestAccounts.as(province))).andExpect(status().isBadRequest());
	}

	ResultActions stats(String user, String region) throws Exception {
		return mvc.perform(get("/api/stats/activities").param("region", region)
			.param("from", "2022-03-01")
			.param("to", "2022-03-31")
			.param("campaign", String.valueOf(campaign))
			.with(TestAccounts.as(user)));
	}

}
