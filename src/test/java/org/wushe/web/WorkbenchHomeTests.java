package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.activity.ActivityInput;
import org.wushe.activity.ActivityService;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.campaign.Deadline;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * The workbench shows, besides the to-dos, the current campaign with its next deadline and the unit's standing,
 * shortcuts to the role's daily jobs, and the region's key figures, fresh after a change; a sibling county's records
 * do not count, and a station worker (who may not see statistics) gets no figures.
 */
@IntegrationTest
class WorkbenchHomeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ActivityService activities;

	@Autowired
	Clock clock;

	@Test
	void theCampaignItsNextDeadlineTheUnitsStandingAndFreshKeyFigures() throws Exception {
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
		LocalDate today = LocalDate.now(clock);
		Instant next = now.plus(4, ChronoUnit.DAYS);
		long id = campaigns.create(new RegionScope(RegionCode.parse("150102")),
				new CampaignInput(null, "home-" + System.nanoTime(), "t", "150102", 4, today.minusDays(20).toString(),
						today.plusDays(20).toString(), List.of(now.minus(3, ChronoUnit.DAYS).toString(), next.toString()),
						null, null, null, null, null, null, null),
				"test");
		String township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102001");
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		String nextText = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(LocalDateTime.ofInstant(next, Deadline.ZONE));

		mvc.perform(get("/").with(TestAccounts.as(township)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("下次截止：" + nextText + " · 本单位：未报送")))
			.andExpect(content().string(containsString("href=\"/campaigns/" + id + "/reports/2\"")))
			.andExpect(content().string(containsString("href=\"/activities\"")));
		mvc.perform(get("/").with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("下次截止：" + nextText + " · 下级已报送 0/13 个单位")))
			.andExpect(content().string(containsString("href=\"/campaigns/" + id + "/completeness?deadline=2\"")))
			.andExpect(content().string(containsString("href=\"/audit\"")))
			.andExpect(content().string(containsString("id=\"key-figures\"")));
		mvc.perform(get("/").with(TestAccounts.as(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"key-figures\""))))
			.andExpect(content().string(not(containsString("href=\"/audit\""))));

		long before = activitiesFigure(county);
		record(id, "150102001001");
		assertThat(activitiesFigure(county)).isEqualTo(before + 1);
		// a sibling county's activity does not count for 新城区
		long sibling = campaigns.create(new RegionScope(RegionCode.parse("150105")),
				new CampaignInput(null, "home-sibling-" + System.nanoTime(), "t", "150105", 4,
						today.minusDays(20).toString(), today.plusDays(20).toString(), List.of(next.toString()), null,
						null, null, null, null, null, null),
				"test");
		record(sibling, "150105001001");
		assertThat(activitiesFigure(county)).isEqualTo(before + 1);
	}

	void record(long campaign, String village) {
		activities.record(new RegionScope(RegionCode.COUNTRY), campaign,
				new ActivityInput(village, "活动", null, "5", LocalDate.now(clock).toString(), null, null, null,
						List.of("ELDERLY"), "9", "0", "0", null),
				"test");
	}

	long activitiesFigure(String user) throws Exception {
		String page = mvc.perform(get("/").with(TestAccounts.as(user)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = Pattern
			.compile("data-figure=\"home.figure.activities\">.*?figure-value\">([0-9,]+)<", Pattern.DOTALL)
			.matcher(page);
		assertThat(m.find()).as("the activities figure on the workbench").isTrue();
		return Long.parseLong(m.group(1).replace(",", ""));
	}

}
