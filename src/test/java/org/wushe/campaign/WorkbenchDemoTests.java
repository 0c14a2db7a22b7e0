package org.wushe.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.DemoDates;
import org.wushe.support.IntegrationTest;

/**
 * The demo's current campaign runs on whatever day the demo is made: a deadline has passed with townships on time,
 * late, returned and missing, the next ones fall within this week and the next, and articles are in every state; the
 * demo accounts find their to-dos on the workbench.
 */
@IntegrationTest
@TestPropertySource(properties = "wushe.demo.enabled=true")
class WorkbenchDemoTests {

	static final RegionScope EVERYWHERE = new RegionScope(RegionCode.COUNTRY);

	@Autowired
	CampaignService campaigns;

	@Autowired
	ProgressReports reports;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	long current() {
		String name = DemoDates.resolve("五社联动暖冬行 社工服务进万家（{week}）", LocalDate.now(Deadline.ZONE));
		return campaigns.findIdByName(RegionCode.parse("150102"), name).orElseThrow();
	}

	@Test
	void theCurrentCampaignRunsTodayWithUnitsInEveryStanding() {
		Campaign c = campaigns.get(EVERYWHERE, current());
		Instant now = Instant.now(clock);
		assertThat(c.isWithinWindow(LocalDate.now(Deadline.ZONE))).isTrue();
		assertThat(c.deadlines().get(0).hasPassed(now)).isTrue();
		assertThat(c.deadlines().get(1).dueAt()).isBetween(now, now.plus(7, ChronoUnit.DAYS));
		assertThat(c.deadlines().get(2).dueAt()).isBetween(now.plus(7, ChronoUnit.DAYS), now.plus(14, ChronoUnit.DAYS));
		Completeness first = reports.completeness(EVERYWHERE, c.id(), 1, RegionCode.parse("150102"));
		assertThat(first.units()).filteredOn(u -> u.status() == UnitStatus.ON_TIME)
			.extracting(UnitCompleteness::regionName)
			.containsExactlyInAnyOrder("海拉尔东路街道", "锡林北路街道", "东街街道");
		assertThat(first.units()).filteredOn(u -> u.status() == UnitStatus.LATE)
			.extracting(UnitCompleteness::regionName)
			.containsExactly("中山东路街道");
		assertThat(first.overall().count(UnitStatus.MISSING)).isEqualTo(9);
		assertThat(reports.get(EVERYWHERE, c.id(), 1, RegionCode.parse("150102001")).status())
			.isEqualTo(ReportStatus.RETURNED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM activity WHERE campaign_id = :c").param("c", c.id())
			.query(Long.class)
			.single()).isEqualTo(5);
		List<String> states = jdbc.sql("""
				SELECT CASE WHEN published_at IS NOT NULL THEN 'PUBLISHED' ELSE status END FROM article
				WHERE campaign_id = :c ORDER BY 1
				""").param("c", c.id()).query(String.class).list();
		assertThat(states).containsExactly("APPROVED", "DRAFT", "PUBLISHED", "RETURNED", "SUBMITTED");
	}

	@Test
	void theDemoAccountsFindTheirToDosOnTheWorkbench() throws Exception {
		long id = current();
		// as after their first login's password change
		jdbc.sql("UPDATE account SET must_change_password = FALSE WHERE username IN ('hailaerdonglu', 'xincheng', 'worker')")
			.update();
		mvc.perform(get("/").with(user(accounts.principalOf("hailaerdonglu").orElseThrow())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-kind=\"report-returned\"")))
			.andExpect(content().string(containsString("data-kind=\"article-returned\"")))
			.andExpect(content().string(containsString("data-current-campaign=\"" + id + "\"")))
			.andExpect(content().string(containsString("id=\"unread-count\">3<")));
		mvc.perform(get("/").with(user(accounts.principalOf("xincheng").orElseThrow())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-kind=\"report-behind\"")))
			.andExpect(content().string(containsString("有 9 个单位未报送")))
			.andExpect(content().string(containsString("data-kind=\"article-review\"")));
		mvc.perform(get("/").with(user(accounts.principalOf("worker").orElseThrow())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-kind=\"article-draft\"")))
			.andExpect(content().string(containsString("data-current-campaign=\"" + id + "\"")));
	}

}
