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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
 * The home page lists the reminders of the user's reporting unit, contributed by the campaign module: a report due in
 * less than 24 hours (urgent under 2 hours) and a summary due soon, each linking to its page, until submitted; units
 * that do not report see none.
 */
@IntegrationTest
class HomeRemindersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	Clock clock;

	@Test
	void aLeagueSeesItsPendingDeadlinesOnTheHomePageUntilItSubmits() throws Exception {
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
		LocalDate today = LocalDate.now(clock);
		String name = "home-reminders-" + System.nanoTime();
		Instant first = now.plus(90, ChronoUnit.MINUTES);
		Instant second = now.plus(20, ChronoUnit.HOURS);
		Instant third = now.plus(5, ChronoUnit.DAYS);
		long id = campaigns.create(new RegionScope(RegionCode.parse("15")),
				new CampaignInput(null, name, "t", "15", 2, today.minusDays(5).toString(), today.plusDays(10).toString(),
						List.of(first.toString(), second.toString(), third.toString()),
						now.plus(10, ChronoUnit.HOURS).toString(), null, null, null, null, null, null),
				"test");
		String league = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String notice = "data-campaign=\"" + id + "\"";

		mvc.perform(get("/").with(TestAccounts.as(league)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"home-reminders\"")))
			.andExpect(content().string(containsString(notice)))
			.andExpect(content().string(containsString("href=\"/campaigns/" + id + "/reports/1?region=1501\"")))
			.andExpect(content().string(containsString("href=\"/campaigns/" + id + "/reports/2?region=1501\"")))
			.andExpect(content().string(not(containsString("/campaigns/" + id + "/reports/3?"))))
			.andExpect(content().string(containsString("href=\"/campaigns/" + id + "/summary?unit=1501\"")))
			.andExpect(content().string(containsString("“" + name + "”第 1 次工作进展将于 " + local(first) + " 截止")))
			.andExpect(content().string(containsString(local(second))));

		mvc.perform(post("/campaigns/{id}/reports/1/submit", id).with(TestAccounts.as(league))
			.with(csrf())
			.param("region", "1501")
			.param("reporter", "王五")
			.param("reporterPhone", "13900000000")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/").with(TestAccounts.as(league)))
			.andExpect(content().string(not(containsString("/campaigns/" + id + "/reports/1?"))))
			.andExpect(content().string(containsString("href=\"/campaigns/" + id + "/reports/2?region=1501\"")));

		mvc.perform(get("/").with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(notice))));
		mvc.perform(get("/").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(notice))));
	}

	@Test
	void theEnglishHomePageSpeaksEnglish() throws Exception {
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
		LocalDate today = LocalDate.now(clock);
		long id = campaigns.create(new RegionScope(RegionCode.parse("15")),
				new CampaignInput(null, "home-reminders-en-" + System.nanoTime(), "t", "15", 2,
						today.minusDays(5).toString(), today.plusDays(10).toString(),
						List.of(now.plus(3, ChronoUnit.HOURS).toString()), null, null, null, null, null, null, null),
				"test");
		String league = TestAccounts.create(accounts, Role.CITY_STAFF, "1502");
		mvc.perform(get("/").param("lang", "en").with(TestAccounts.as(league)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-campaign=\"" + id + "\"")))
			.andExpect(content().string(containsString("Pending reminders")));
	}

	private static String local(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(LocalDateTime.ofInstant(instant, Deadline.ZONE));
	}

}
