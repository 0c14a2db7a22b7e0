package org.wushe.campaign;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

/**
 * The workbench of each level for a township-reported campaign: the township sees its returned report and its next
 * deadline, the county sees how many townships are behind the last deadline, a sibling county sees nothing of them;
 * on the report page only the unit itself gets the submit form, and a station worker is told who submits.
 */
@IntegrationTest
class WorkbenchReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ProgressReports reports;

	@Autowired
	Clock clock;

	@Test
	void eachLevelSeesItsOwnReportingToDos() throws Exception {
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
		LocalDate today = LocalDate.now(clock);
		String name = "workbench-" + System.nanoTime();
		long id = campaigns.create(new RegionScope(RegionCode.parse("150102")),
				new CampaignInput(null, name, "t", "150102", 4, today.minusDays(20).toString(),
						today.plusDays(20).toString(),
						List.of(now.minus(3, ChronoUnit.DAYS).toString(), now.plus(4, ChronoUnit.DAYS).toString()),
						null, null, null, null, null, null, null),
				"test");
		String township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102001");
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		reports.submit(new RegionScope(RegionCode.parse("150102001")), id, 1, RegionCode.parse("150102001"), "张三",
				"13900000000", township);
		reports.returnReport(new RegionScope(RegionCode.parse("150102")), id, 1, RegionCode.parse("150102001"),
				"数字不全", county);

		mvc.perform(get("/").with(TestAccounts.as(township)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-kind=\"report-returned\"")))
			.andExpect(content().string(containsString("“" + name + "”第 1 次工作进展被退回")))
			.andExpect(content().string(containsString("href=\"/campaigns/" + id + "/reports/1?region=150102001\"")))
			.andExpect(content().string(containsString("href=\"/campaigns/" + id + "/reports/2?region=150102001\"")))
			.andExpect(content().string(containsString("data-current-campaign=\"" + id + "\"")));
		// 13 townships under 新城区; the returned one had submitted, 12 have not
		mvc.perform(get("/").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-kind=\"report-behind\"")))
			.andExpect(content().string(containsString("有 12 个单位未报送")))
			.andExpect(content().string(containsString("/campaigns/" + id + "/completeness?deadline=1&amp;region=150102")));
		mvc.perform(get("/").with(TestAccounts.as(sibling)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-campaign=\"" + id + "\""))))
			.andExpect(content().string(not(containsString(name))));

		mvc.perform(get("/campaigns/{id}/reports/1", id).param("region", "150102001").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"submit-form\""))));
		mvc.perform(get("/campaigns/{id}/reports/2", id).param("region", "150102001").with(TestAccounts.as(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"submit-form\""))))
			.andExpect(content().string(containsString("id=\"who-submits\"")));
		mvc.perform(get("/campaigns/{id}/reports/2", id).param("region", "150102001").with(TestAccounts.as(township)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"submit-form\"")));
	}

	@Test
	void aShortPhoneNumberIsRefusedNamingTheField() throws Exception {
		LocalDate today = LocalDate.now(clock);
		Instant now = Instant.now(clock);
		long id = campaigns.create(new RegionScope(RegionCode.parse("15")),
				new CampaignInput(null, "phone-" + System.nanoTime(), "t", "15", 2, today.minusDays(2).toString(),
						today.plusDays(5).toString(), List.of(now.plus(3, ChronoUnit.DAYS).toString()), null, null,
						null, null, null, null, null),
				"test");
		String league = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		mvc.perform(post("/campaigns/{id}/reports/1/submit", id).with(TestAccounts.as(league))
			.with(csrf())
			.param("region", "1502")
			.param("reporter", "李四")
			.param("reporterPhone", "1234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"reporterPhone\"")))
			.andExpect(content().string(containsString("填报人手机号码位数不对：填了 4 位数字，应为 11 位手机号码")));
	}

}
