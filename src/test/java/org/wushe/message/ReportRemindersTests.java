package org.wushe.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
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
 * The deadline reminder job: a township that has not submitted against a passed deadline is told it is overdue, every
 * township that has not submitted against a deadline within three days is told it is due, the county above is told how
 * many of its townships are behind; nobody is told about a deadline further away or one their unit met; a second run
 * sends nothing.
 */
@IntegrationTest
class ReportRemindersTests {

	@Autowired
	ReportReminders reminders;

	@Autowired
	Inbox inbox;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ProgressReports reports;

	@Autowired
	MessageSource messages;

	@Autowired
	Clock clock;

	@Test
	void eachUnitAndItsSupervisorAreRemindedOnce() {
		Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
		LocalDate today = LocalDate.now(clock);
		String name = "reminders-" + System.nanoTime();
		long id = campaigns.create(new RegionScope(RegionCode.parse("150102")),
				new CampaignInput(null, name, "t", "150102", 4, today.minusDays(20).toString(),
						today.plusDays(20).toString(),
						List.of(now.minus(3, ChronoUnit.DAYS).toString(), now.plus(2, ChronoUnit.DAYS).toString(),
								now.plus(10, ChronoUnit.DAYS).toString()),
						null, null, null, null, null, null, null),
				"test");
		String met = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102001");
		String late = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102002");
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		reports.submit(new RegionScope(RegionCode.parse("150102001")), id, 1, RegionCode.parse("150102001"), "张三",
				"13900000000", met);

		assertThat(reminders.remind()).isPositive();

		assertThat(mine(met, id)).extracting(Message::kind).containsExactly("reminder-due");
		Message due = mine(met, id).get(0);
		assertThat(due.args()).startsWith(name, "2");
		assertThat(due.href()).isEqualTo("/campaigns/" + id + "/reports/2?region=150102001");
		assertThat(due.urgent()).isFalse();
		assertThat(mine(late, id)).extracting(Message::kind)
			.containsExactlyInAnyOrder("reminder-overdue", "reminder-due");
		Message overdue = mine(late, id).stream().filter(m -> m.kind().equals("reminder-overdue")).findFirst().get();
		assertThat(overdue.args().get(1)).isEqualTo("1");
		assertThat(overdue.urgent()).isTrue();
		// 13 townships under 新城区, one submitted against the first deadline
		assertThat(mine(county, id)).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo("reminder-behind");
			assertThat(m.args().get(4)).isEqualTo("12");
			assertThat(m.href()).isEqualTo("/campaigns/" + id + "/completeness?deadline=1&region=150102");
			String zh = messages.getMessage(m.messageKey(), m.argArray(), Locale.SIMPLIFIED_CHINESE);
			assertThat(zh).contains("“" + name + "”第 1 次工作进展").contains("有 12 个报送单位尚未报送");
			String en = messages.getMessage(m.messageKey(), m.argArray(), Locale.ENGLISH);
			assertThat(en).contains("12 reporting units").contains(name);
		});
		assertThat(mine(sibling, id)).isEmpty();

		// running again sends nothing new
		assertThat(reminders.remind()).isZero();
		assertThat(mine(met, id)).hasSize(1);
		assertThat(mine(late, id)).hasSize(2);
		assertThat(mine(county, id)).hasSize(1);
	}

	List<Message> mine(String user, long campaignId) {
		return inbox.list(user, 0, 200)
			.stream()
			.filter(m -> m.href() != null && m.href().startsWith("/campaigns/" + campaignId + "/"))
			.toList();
	}

}
