package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/**
 * Categories and visit frequencies set by administrators: a county may shorten its province's interval, never lengthen
 * it; an administrator of 赛罕区 (150105) cannot touch 新城区 (150102); staff without care:admin cannot set anything.
 * A province's staff set their province's table and add categories only their province sees; a sibling province (14)
 * can do neither in 15.
 */
@IntegrationTest
class CareSettingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	VisitFrequencies frequencies;

	@Autowired
	CareCategories categories;

	String admin;

	String siblingAdmin;

	String countyStaff;

	@BeforeEach
	void setUp() {
		admin = logins.create(Role.ADMIN, "15");
		siblingAdmin = logins.create(Role.ADMIN, "150105");
		countyStaff = logins.county();
	}

	ResultActions set(String user, String region, String category, String risk, String days) throws Exception {
		return mvc.perform(put("/api/care/frequencies").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"regionCode":"%s","categoryCode":"%s","riskLevel":"%s","intervalDays":"%s"}"""
				.formatted(region, category, risk, days)));
	}

	String entry(String category, String risk) {
		return "$[?(@.categoryCode == '%s' && @.riskLevel == '%s')].days".formatted(category, risk);
	}

	@Test
	void aCountyMayVisitMoreOftenThanItsProvinceNeverLess() throws Exception {
		set(admin, "15", "DISABLED", "MEDIUM", "60").andExpect(status().isOk())
			.andExpect(jsonPath(entry("DISABLED", "MEDIUM")).value(hasItem(60)));
		set(admin, "150102", "DISABLED", "MEDIUM", "75").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("intervalDays"))
			.andExpect(jsonPath("$.detail").value(containsString("60")));
		set(admin, "150102", "DISABLED", "MEDIUM", "45").andExpect(status().isOk());
		mvc.perform(get("/api/care/frequencies").param("region", "150102").with(TestAccounts.as(countyStaff)))
			.andExpect(jsonPath(entry("DISABLED", "MEDIUM")).value(hasItem(45)));
		mvc.perform(get("/api/care/frequencies").param("region", "150105").with(TestAccounts.as(siblingAdmin)))
			.andExpect(jsonPath(entry("DISABLED", "MEDIUM")).value(hasItem(60)));
		set(admin, "150102001", "DISABLED", "MEDIUM", "30").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
		set(admin, "150102", "NO_SUCH", "MEDIUM", "abc").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("categoryCode")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("intervalDays")));
	}

	@Test
	void theTableReadAtOnceIsTheIntervalEachPersonGets() throws Exception {
		String code = "F" + System.nanoTime() % 1_000_000_000L;
		categories.add(code, "频次类别", null);
		set(admin, "15", code, "HIGH", "20").andExpect(status().isOk());
		set(admin, "150102", code, "HIGH", "12").andExpect(status().isOk());
		for (String region : new String[] { "150102", "150105", "15", "150102001001" }) {
			java.util.Map<java.util.List<String>, Integer> table = frequencies.table(RegionCode.parse(region));
			for (CareCategories.Category c : categories.all()) {
				for (RiskLevel risk : RiskLevel.values()) {
					assertThat(table.getOrDefault(java.util.List.of(c.code(), risk.name()),
							VisitFrequencies.FALLBACK_DAYS))
						.as("%s %s %s", region, c.code(), risk)
						.isEqualTo(frequencies.intervalDays(RegionCode.parse(region), java.util.List.of(c.code()),
								risk.name()));
				}
			}
		}
		assertThat(frequencies.table(RegionCode.parse("150102001001")).get(java.util.List.of(code, "HIGH")))
			.isEqualTo(12);
		assertThat(frequencies.table(RegionCode.parse("150105")).get(java.util.List.of(code, "HIGH"))).isEqualTo(20);
		mvc.perform(get("/api/care/frequencies").param("region", "150102").with(TestAccounts.as(countyStaff)))
			.andExpect(jsonPath(entry(code, "HIGH")).value(hasItem(12)))
			.andExpect(jsonPath(entry(code, "LOW")).value(hasItem(VisitFrequencies.FALLBACK_DAYS)));
	}

	@Test
	void aProvincesStaffSetItsOwnCategoriesAndTableASiblingProvinceCannot() throws Exception {
		String province = logins.create(Role.PROVINCE_STAFF, "15");
		String otherProvince = logins.create(Role.PROVINCE_STAFF, "14");
		String own = "P" + System.nanoTime() % 1_000_000_000L;
		String other = "Q" + System.nanoTime() % 1_000_000_000L;
		mvc.perform(post("/api/care/categories").with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"%s\",\"nameZh\":\"本省类别\"}".formatted(own))).andExpect(status().isCreated());
		mvc.perform(post("/api/care/categories").with(TestAccounts.as(otherProvince))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"%s\",\"nameZh\":\"外省类别\"}".formatted(other))).andExpect(status().isCreated());
		mvc.perform(get("/api/care/categories").with(TestAccounts.as(countyStaff)))
			.andExpect(jsonPath("$[*].code").value(hasItem(own)))
			.andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.not(hasItem(other))));

		set(province, "15", own, "LOW", "50").andExpect(status().isOk())
			.andExpect(jsonPath(entry(own, "LOW")).value(hasItem(50)));
		set(province, "150102", own, "LOW", "70").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("intervalDays"));
		set(province, "150102", own, "LOW", "40").andExpect(status().isOk());
		mvc.perform(get("/care/settings").param("region", "150102").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本省类别")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("外省类别"))));

		set(otherProvince, "15", own, "LOW", "10").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
		set(otherProvince, "150102", own, "LOW", "10").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
		set(province, "15", other, "LOW", "10").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("categoryCode"));
		mvc.perform(get("/api/care/frequencies").param("region", "15").with(TestAccounts.as(otherProvince)))
			.andExpect(status().isNotFound());
		assertThat(frequencies.table(RegionCode.parse("150102")).get(java.util.List.of(own, "LOW"))).isEqualTo(40);

		mvc.perform(post("/api/persons").with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CareFixtures.adult("150102001001", "\"%s\"".formatted(other), "LOW")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("categories"));
		mvc.perform(post("/api/persons").with(TestAccounts.as(province))
			.contentType(MediaType.APPLICATION_JSON)
			.content(CareFixtures.adult("150102001001", "\"%s\"".formatted(own), "LOW")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.visitIntervalDays").value(40));
	}

	@Test
	void outsidersAndStaffWithoutThePermissionChangeNothing() throws Exception {
		set(siblingAdmin, "150102", "DISABLED", "LOW", "10").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
		mvc.perform(get("/api/care/frequencies").param("region", "150102").with(TestAccounts.as(siblingAdmin)))
			.andExpect(status().isNotFound());
		set(countyStaff, "150102", "DISABLED", "LOW", "10").andExpect(status().isForbidden());
		mvc.perform(get("/care/settings").with(TestAccounts.as(countyStaff))).andExpect(status().isForbidden());
		mvc.perform(post("/api/care/categories").with(TestAccounts.as(countyStaff))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"X\",\"nameZh\":\"越权\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/care/categories").with(TestAccounts.as(siblingAdmin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"XCOUNTY\",\"nameZh\":\"县级不能加类别\"}")).andExpect(status().isForbidden());
	}

	@Test
	void administratorsAddCategoriesOnThePage() throws Exception {
		String code = "T" + System.nanoTime() % 1_000_000_000L;
		mvc.perform(post("/care/settings/categories").with(TestAccounts.as(admin)).with(csrf())
			.param("code", code)
			.param("nameZh", "测试类别")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/care/categories").with(TestAccounts.as(countyStaff)))
			.andExpect(jsonPath("$[*].code").value(hasItem(code)));
		mvc.perform(post("/care/settings/categories").with(TestAccounts.as(admin)).with(csrf())
			.param("code", "1坏")
			.param("nameZh", "坏代码"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("大写字母")));
		mvc.perform(post("/api/care/categories").with(TestAccounts.as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"%s\",\"nameZh\":\"重复\"}".formatted(code)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		mvc.perform(get("/care/settings").param("region", "150102").with(TestAccounts.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("测试类别")))
			.andExpect(content().string(containsString("frequency-table")));
	}

}
