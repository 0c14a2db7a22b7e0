package org.wushe.actor.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

@IntegrationTest
class OrganizationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String county;

	String leader;

	@BeforeEach
	void setUp() {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		leader = TestAccounts.create(accounts, Role.LEADER, "150102");
	}

	long create(String name, String creditCode, String region, String phone) throws Exception {
		MvcResult r = mvc.perform(post("/api/organizations").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"%s","creditCode":"%s","kind":"SOCIAL_WORK_AGENCY","regionCode":"%s","contactPhone":"%s",
					 "serviceDomains":["ELDERLY","CHILDREN"]}""".formatted(name, creditCode, region, phone)))
			.andExpect(status().isCreated())
			.andReturn();
		return ((Number) JsonPath.read(r.getResponse().getContentAsString(), "$.id")).longValue();
	}

	@Test
	void registersAnOrganizationWithACheckedCreditCode() throws Exception {
		String code = ActorTestData.creditCode("150102");
		String name = "新城区阳光社会工作服务中心" + System.nanoTime();
		String phone = ActorTestData.mobile();
		long id = create(name, code, "150102001", phone);
		mvc.perform(get("/api/organizations/{id}", id).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.creditCode").value(code))
			.andExpect(jsonPath("$.creditCodeWarning").value(false))
			.andExpect(jsonPath("$.kind").value("SOCIAL_WORK_AGENCY"))
			.andExpect(jsonPath("$.regionName").value("海拉尔东路街道"))
			.andExpect(jsonPath("$.serviceDomains[0]").value("ELDERLY"))
			.andExpect(jsonPath("$.contactPhone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
			.andExpect(content().string(not(containsString(phone))));
		// search by pinyin initials, by exact phone
		mvc.perform(get("/api/organizations").param("q", "XCQYG").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		mvc.perform(get("/api/organizations").param("q", phone).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		mvc.perform(get("/api/organizations").param("kind", "FOUNDATION").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
		mvc.perform(get("/api/audit").param("action", "organization.create").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].entityId", hasItem(String.valueOf(id))));
	}

	@Test
	void acceptsACodeFailingOnlyItsCheckDigitWithAWarning() throws Exception {
		String code = ActorTestData.creditCodeFailingCheckDigit("150102");
		mvc.perform(post("/api/organizations").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"早期赋码协会","creditCode":"%s","kind":"INDUSTRY_ASSOCIATION","regionCode":"150102"}"""
				.formatted(code)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.creditCodeWarning").value(true));
	}

	@Test
	void refusesBadInputWithChineseMessagesPerField() throws Exception {
		mvc.perform(post("/api/organizations").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"","creditCode":"91350100M000100Y4","kind":"CLUB","regionCode":"150105","contactPhone":"12345"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("creditCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("regionCode")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("contactPhone")))
			.andExpect(jsonPath("$.detail").value(containsString("统一社会信用代码：应为 18 位")))
			.andExpect(jsonPath("$.detail").value(containsString("不在您的管辖范围内")));
		String code = ActorTestData.creditCode("150102");
		create("重复代码一" + System.nanoTime(), code, "150102", ActorTestData.mobile());
		mvc.perform(post("/api/organizations").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"重复代码二","creditCode":"%s","kind":"OTHER","regionCode":"150102"}""".formatted(code)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("已登记")));
		mvc.perform(post("/api/organizations").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("not json"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aLeaderReadsButCannotWriteAndCannotSeeFullPhones() throws Exception {
		long id = create("只读测试机构" + System.nanoTime(), ActorTestData.creditCode("150102"), "150102",
				ActorTestData.mobile());
		mvc.perform(get("/api/organizations/{id}", id).with(TestAccounts.as(leader))).andExpect(status().isOk());
		mvc.perform(put("/api/organizations/{id}", id).with(TestAccounts.as(leader))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/organizations/{id}/personal-data", id).with(TestAccounts.as(leader)))
			.andExpect(status().isForbidden());
	}

	@Test
	void revealsTheFullPhoneOnlyWithPermissionAndAuditsIt() throws Exception {
		String phone = ActorTestData.mobile();
		long id = create("电话查看机构" + System.nanoTime(), ActorTestData.creditCode("150102"), "150102", phone);
		mvc.perform(get("/api/organizations/{id}/personal-data", id).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.contactPhone").value(phone));
		mvc.perform(get("/api/audit").param("action", "personal-data.view").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[?(@.entityId == '%s')].entityType".formatted(id)).value(hasItem("organization")))
			.andExpect(jsonPath("$[?(@.entityId == '%s')].actor".formatted(id)).value(hasItem(county)));
	}

	@Test
	void editsWithinScopeKeepingThePhoneWhenBlank() throws Exception {
		String phone = ActorTestData.mobile();
		String code = ActorTestData.creditCode("150102");
		long id = create("编辑前" + System.nanoTime(), code, "150102", phone);
		mvc.perform(put("/api/organizations/{id}", id).with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"编辑后","creditCode":"%s","kind":"FOUNDATION","regionCode":"150102002","status":"SUSPENDED"}"""
				.formatted(code)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("编辑后"))
			.andExpect(jsonPath("$.kind").value("FOUNDATION"))
			.andExpect(jsonPath("$.status").value("SUSPENDED"))
			.andExpect(jsonPath("$.contactPhone").value(containsString("****")));
		mvc.perform(put("/api/organizations/{id}", id).with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"移出范围","creditCode":"%s","kind":"FOUNDATION","regionCode":"150105"}""".formatted(code)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
	}

	@Test
	void countsPerChildRegionAndKind() throws Exception {
		String city = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		int before = countOf(city, "150102", "SOCIAL_WORK_AGENCY");
		create("统计一" + System.nanoTime(), ActorTestData.creditCode("150102"), "150102001", ActorTestData.mobile());
		create("统计二" + System.nanoTime(), ActorTestData.creditCode("150102"), "150102", ActorTestData.mobile());
		org.assertj.core.api.Assertions.assertThat(countOf(city, "150102", "SOCIAL_WORK_AGENCY")).isEqualTo(before + 2);
		mvc.perform(get("/api/organizations/counts").param("within", "150102").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.regionCode == '150102001')].regionName").value(hasItem("海拉尔东路街道")))
			.andExpect(jsonPath("$.rows[?(@.own == true)].regionCode").value(hasItem("150102")))
			.andExpect(jsonPath("$.regionCode").value("150102"))
			.andExpect(jsonPath("$.root").doesNotExist());
		mvc.perform(get("/api/organizations/counts").param("within", "150105").with(TestAccounts.as(county)))
			.andExpect(status().isNotFound());
	}

	private int countOf(String user, String region, String kind) throws Exception {
		MvcResult r = mvc.perform(get("/api/organizations/counts").param("within", "1501").with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn();
		java.util.List<Object> values = JsonPath.read(r.getResponse().getContentAsString(),
				"$.rows[?(@.regionCode == '" + region + "')].counts." + kind);
		return values.isEmpty() ? 0 : ((Number) values.get(0)).intValue();
	}

}
