package org.wushe.campaign;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

@IntegrationTest
class ReportPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	Clock clock;

	@Test
	void aLeagueSubmitsTheProvinceWatchesTheBoardReturnsAndTheLeagueResubmits() throws Exception {
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.now(clock);
		long id = campaigns.create(new RegionScope(RegionCode.parse("15")), new CampaignInput(null,
				"report-pages-" + System.nanoTime(), "t", "15", 2, today.minusDays(5).toString(),
				today.plusDays(5).toString(), List.of(now.plus(3, ChronoUnit.HOURS).toString()),
				now.plus(2, ChronoUnit.DAYS).toString(), null, null, null, null, null, null), "test");
		String league = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");

		mvc.perform(get("/campaigns").with(TestAccounts.as(league)))
			.andExpect(content().string(containsString("id=\"reminders\"")));
		mvc.perform(get("/campaigns/{id}/reports/1", id).with(TestAccounts.as(league)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"submit-form\"")));
		mvc.perform(post("/campaigns/{id}/reports/1/submit", id).with(TestAccounts.as(league))
			.with(csrf())
			.param("region", "1501")
			.param("reporter", "李四")
			.param("reporterPhone", "not a phone")).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"reporterPhone\"")));
		// a phone of four digits is told its length is wrong
		mvc.perform(post("/campaigns/{id}/reports/1/submit", id).with(TestAccounts.as(league))
			.with(csrf())
			.param("region", "1501")
			.param("reporter", "李四")
			.param("reporterPhone", "1234")).andExpect(status().isOk())
			.andExpect(content().string(containsString("位数不对：填了 4 位数字")));
		mvc.perform(post("/campaigns/{id}/reports/1/submit", id).with(TestAccounts.as(league))
			.with(csrf())
			.param("region", "1501")
			.param("reporter", "李四")
			.param("reporterPhone", "13900000000")).andExpect(status().is3xxRedirection());

		mvc.perform(get("/campaigns/{id}/completeness", id).param("deadline", "1")
			.with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-unit=\"1501\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 30s\"")));
		mvc.perform(get("/campaigns/{id}/completeness/board", id).param("deadline", "1")
			.param("region", "1501")
			.header("HX-Request", "true")
			.with(TestAccounts.as(province))).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-status=\"ON_TIME\">1<")));

		mvc.perform(get("/campaigns/{id}/reports/1", id).param("region", "1501").with(TestAccounts.as(province)))
			.andExpect(content().string(containsString("id=\"return-form\"")));
		mvc.perform(post("/campaigns/{id}/reports/1/return", id).with(TestAccounts.as(province))
			.with(csrf())
			.param("region", "1501")
			.param("reason", "数据不完整")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/campaigns/{id}/reports/1", id).with(TestAccounts.as(league)))
			.andExpect(content().string(containsString("id=\"open-return\"")))
			.andExpect(content().string(containsString("数据不完整")))
			// the history names units, the user names only as secondary text
			.andExpect(content().string(containsString("内蒙古自治区 · 省级民政工作人员 于")))
			.andExpect(content().string(containsString("呼和浩特市 · 盟市民政工作人员 于")))
			.andExpect(content().string(containsString("账号 " + league)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(province + " 于"))));
		mvc.perform(post("/campaigns/{id}/reports/1/submit", id).with(TestAccounts.as(league))
			.with(csrf())
			.param("region", "1501")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/campaigns/{id}/reports/1", id).with(TestAccounts.as(league)))
			.andExpect(content().string(containsString("id=\"versions\"")));

		mvc.perform(get("/campaigns/{id}/summary", id).with(TestAccounts.as(league)))
			.andExpect(content().string(containsString("id=\"summary-form\"")));
		mvc.perform(post("/campaigns/{id}/summary", id).with(TestAccounts.as(league))
			.with(csrf())
			.param("unit", "1501")
			.param("body", "总结")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/campaigns/{id}/summary", id).with(TestAccounts.as(province)))
			.andExpect(content().string(containsString("id=\"summary-board\"")));

		String sibling = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		mvc.perform(get("/campaigns/{id}/reports/1", id).param("region", "1501").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/{id}/completeness", id).param("region", "1501").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
	}

}
