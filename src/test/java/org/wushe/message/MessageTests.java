package org.wushe.message;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.campaign.ProgressReports;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * A returned report reaches the staff of the unit as an unread message with the count in the header; opening it
 * leads to the report and marks it read; nobody else can open it.
 */
@IntegrationTest
class MessageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ProgressReports reports;

	@Autowired
	Inbox inbox;

	@Autowired
	Clock clock;

	@Test
	void aReturnedReportReachesTheUnitAndOnlyTheUnit() throws Exception {
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.now(clock);
		String name = "message-" + System.nanoTime();
		long id = campaigns.create(new RegionScope(RegionCode.parse("150105")),
				new CampaignInput(null, name, "t", "150105", 4, today.minusDays(2).toString(),
						today.plusDays(9).toString(), List.of(now.plus(3, ChronoUnit.DAYS).toString()), null, null, null,
						null, null, null, null),
				"test");
		String township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150105001");
		String sibling = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150105002");
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		reports.submit(new RegionScope(RegionCode.parse("150105001")), id, 1, RegionCode.parse("150105001"), "张三",
				"13900000000", township);
		mvc.perform(post("/campaigns/{id}/reports/1/return", id).with(TestAccounts.as(county))
			.with(csrf())
			.param("region", "150105001")
			.param("reason", "缺少活动照片")).andExpect(status().is3xxRedirection());

		mvc.perform(get("/").with(TestAccounts.as(township)))
			.andExpect(content().string(containsString("id=\"unread-count\">1<")));
		mvc.perform(get("/messages").with(TestAccounts.as(township)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("“" + name + "”第 1 次工作进展被退回，原因：缺少活动照片")));
		long messageId = inbox.list(township, 0, 1).get(0).id();
		mvc.perform(get("/messages").with(TestAccounts.as(sibling)))
			.andExpect(content().string(not(containsString(name))));
		mvc.perform(get("/messages/{id}", messageId).with(TestAccounts.as(sibling))).andExpect(status().isNotFound());
		mvc.perform(get("/messages/{id}", messageId).with(TestAccounts.as(township)))
			.andExpect(redirectedUrl("/campaigns/" + id + "/reports/1?region=150105001"));
		mvc.perform(get("/").with(TestAccounts.as(township)))
			.andExpect(content().string(containsString("id=\"unread-count\">0<")));
		mvc.perform(get("/").with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("id=\"unread-count\">0<")));
	}

}
