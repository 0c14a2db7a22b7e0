package org.wushe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.activity.ActivityInput;
import org.wushe.activity.ActivityService;
import org.wushe.actor.ActorTestData;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * A write in each module whose figures the dashboard shows changes the dashboard at once, although the dashboard was
 * just computed and cached: each module's figure keeper publishes {@link org.wushe.shared.FiguresChanged} in the
 * transaction of the write. A keeper that forgot to publish would leave the cached dashboard in place, and its test
 * here would fail. (Campaign and charity writes change no dashboard figure: a campaign's figures are its activities'.)
 */
@IntegrationTest
class FiguresChangedTests {

	static final RegionScope ALL = new RegionScope(RegionCode.COUNTRY);

	static final RegionCode COUNTY = RegionCode.parse("150102");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	DashboardService dashboards;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ActivityService activities;

	@Autowired
	JdbcClient jdbc;

	String county;

	String station;

	LocalDate today = LocalDate.now(org.wushe.campaign.Deadline.ZONE);

	@BeforeEach
	void setUp() {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		station = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
	}

	Dashboard dashboard() {
		return dashboards.dashboard(ALL, COUNTY, today.minusYears(1), today.plusDays(1), null, Granularity.MONTH);
	}

	/** Computes (and so caches) the dashboard, runs the write, and answers the figure before and after. */
	long[] around(ToLongFunction<Dashboard> figure, Write write) throws Exception {
		long before = figure.applyAsLong(dashboard());
		assertThat(figure.applyAsLong(dashboard())).as("served again unchanged").isEqualTo(before);
		write.run();
		return new long[] { before, figure.applyAsLong(dashboard()) };
	}

	interface Write {

		void run() throws Exception;

	}

	long create(String user, String path, String body) throws Exception {
		String json = mvc
			.perform(post(path).with(TestAccounts.as(user)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void anActivityRecord() throws Exception {
		long campaign = campaigns.create(new RegionScope(RegionCode.parse("15")),
				new CampaignInput(null, "figures-" + System.nanoTime(), "theme", "15", 2,
						today.minusDays(30).toString(), today.plusDays(30).toString(),
						List.of(today.plusDays(30) + "T17:00:00+08:00"), null, null, null, null, null, null, null),
				"test");
		long[] figures = around(d -> d.activities().activities(),
				() -> activities.record(ALL, campaign, new ActivityInput("150102001001", "活动", null, "3",
						today.toString(), null, null, null, List.of("OTHER"), "2", "0", "0", null), "test"));
		assertThat(figures[1]).isEqualTo(figures[0] + 1);
	}

	@Test
	void aSite() throws Exception {
		String village = jdbc.sql("""
				SELECT MIN(code) FROM region WHERE level = 5 AND code >= '150102' AND code < '150103'
				  AND code NOT IN (SELECT region_code FROM site WHERE site_type = 'ROOM' AND status <> 'CLOSED')
				""").query(String.class).single();
		long[] figures = around(d -> d.network().rooms(), () -> create(county, "/api/sites", """
				{"type":"ROOM","regionCode":"%s","name":"看板即时社工室","address":"测试路2号","phone":"0471-1234567","status":"OPERATING"}"""
			.formatted(village)));
		assertThat(figures[1]).isEqualTo(figures[0] + 1);
	}

	@Test
	void aRegistryEntry() throws Exception {
		long[] figures = around(d -> d.registries().volunteers(), () -> create(county, "/api/volunteers", """
				{"name":"志愿者","idNumber":"%s","regionCode":"150102001"}""".formatted(ActorTestData.idNumber("150102"))));
		assertThat(figures[1]).isEqualTo(figures[0] + 1);
	}

	@Test
	void aPersonServedAndAVisit() throws Exception {
		String id = ActorTestData.idNumber("150102");
		String birth = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
		long[] person = new long[1];
		long[] persons = around(d -> d.care().persons(), () -> person[0] = create(station, "/api/persons", """
				{"regionCode":"150102001001","name":"测试对象","gender":"FEMALE","birthDate":"%s","idNumber":"%s",
				 "phone":"%s","address":"新城区某街道12号","categories":["ELDER_ALONE"],"riskLevel":"HIGH"}"""
			.formatted(birth, id, ActorTestData.mobile())));
		assertThat(persons[1]).isEqualTo(persons[0] + 1);
		long[] visits = around(d -> d.care().visits(), () -> create(station, "/api/persons/" + person[0] + "/visits",
				"""
						{"date":"%s","way":"HOME","findings":["HEALTH"],"followUp":"NONE","notes":"无"}"""
					.formatted(today)));
		assertThat(visits[1]).isEqualTo(visits[0] + 1);
	}

	@Test
	void aServiceProject() throws Exception {
		long team = create(county, "/api/volunteer-teams", """
				{"name":"助老服务队","regionCode":"150102001"}""");
		long[] figures = around(d -> d.volunteering().projects(), () -> create(county, "/api/projects", """
				{"name":"助老上门","regionCode":"150102001","organizerKind":"TEAM","organizerId":%d,"startDate":"%s",
				 "endDate":"%s","place":"社区活动室","domain":"ELDERLY","places":20,"timeBank":false}"""
			.formatted(team, today.minusDays(10), today.plusDays(30))));
		assertThat(figures[1]).isEqualTo(figures[0] + 1);
	}

}
