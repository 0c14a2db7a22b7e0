package org.wushe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.activity.ActivityInput;
import org.wushe.activity.ActivityService;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard agrees with the records it summarises, its children add up to it, it stays inside the scope, and its
 * export carries the same figures. Each test works in its own year so that tests sharing a database do not mix.
 */
@IntegrationTest
class DashboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ActivityService activities;

	@Autowired
	JdbcClient jdbc;

	static final RegionScope ALL = new RegionScope(RegionCode.COUNTRY);

	static int nextYear = 1990 + (int) (System.nanoTime() % 20);

	int year;

	long campaign;

	String province;

	@BeforeEach
	void setUp() {
		year = nextYear++;
		province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		campaign = campaigns.create(new RegionScope(RegionCode.parse("15")),
				new CampaignInput(null, "dashboard-" + System.nanoTime(), "theme", "15", 2, year + "-01-01",
						year + "-12-31", List.of(year + "-12-31T17:00:00+08:00"), null, null, null, null, null,
						null, null),
				"test");
		record("150102001001", year + "-03-20", 10, 30, "100.50", "20", "ELDERLY", "CHILDREN");
		record("150102002001", year + "-03-21", 5, 8, "0", "0", "WOMEN");
		record("150105001001", year + "-05-02", 7, 9, "1,000", "5.25", "NEEDY");
		record("150203001015", year + "-11-30", 3, 3, "0", "0", "OTHER");
	}

	void record(String region, String day, int participants, int beneficiaries, String funds, String materials,
			String... domains) {
		activities.record(ALL, campaign, new ActivityInput(region, "活动", null, String.valueOf(participants), day,
				null, null, null, List.of(domains), String.valueOf(beneficiaries), funds, materials, null), "test");
	}

	JsonNode dashboard(String user, String region) throws Exception {
		String body = mvc
			.perform(get("/api/stats/dashboard").param("region", region)
				.param("from", year + "-01-01")
				.param("to", year + "-12-31")
				.param("campaign", String.valueOf(campaign))
				.with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonMapper.builder().build().readTree(body);
	}

	@Test
	void figuresEqualTheRawRecordsAndChildrenAddUp() throws Exception {
		JsonNode d = dashboard(province, "15");
		Map<String, Object> raw = jdbc.sql("""
				SELECT COUNT(*) AS n, SUM(participants) AS p, SUM(beneficiaries) AS b, SUM(funds_yuan) AS f,
				       SUM(materials_yuan) AS m
				FROM activity WHERE campaign_id = :c AND region_code >= '15' AND region_code < '16'
				""").param("c", campaign).query().singleRow();
		assertThat(d.get("activities").get("activities").asLong()).isEqualTo(((Number) raw.get("n")).longValue())
			.isEqualTo(4);
		assertThat(d.get("activities").get("participants").asLong()).isEqualTo(25);
		assertThat(d.get("activities").get("beneficiaries").asLong()).isEqualTo(50);
		assertThat(d.get("activities").get("fundsYuan").decimalValue()).isEqualByComparingTo("1100.50");
		assertThat(d.get("activities").get("materialsYuan").decimalValue()).isEqualByComparingTo("25.25");
		assertThat(d.get("activities").get("byDomain").get("ELDERLY").get("beneficiaries").asLong()).isEqualTo(30);
		assertThat(d.get("activities").get("byDomain").get("CHILDREN").get("activities").asLong()).isEqualTo(1);

		long childActivities = 0;
		BigDecimal childFunds = BigDecimal.ZERO;
		for (JsonNode c : d.get("children")) {
			childActivities += c.get("activities").asLong();
			childFunds = childFunds.add(c.get("fundsYuan").decimalValue());
		}
		assertThat(d.get("children")).hasSize(12);
		assertThat(childActivities).isEqualTo(4);
		assertThat(childFunds).isEqualByComparingTo("1100.50");

		long seriesActivities = 0;
		for (JsonNode p : d.get("series")) {
			seriesActivities += p.get("activities").asLong();
		}
		assertThat(seriesActivities).isEqualTo(4);
		assertThat(d.get("granularity").asString()).isEqualTo("month");
		assertThat(d.get("series")).hasSize(12);

		JsonNode city = dashboard(province, "1501");
		assertThat(city.get("activities").get("activities").asLong()).isEqualTo(3);
		assertThat(city.get("path").get(0).get("code").asString()).isEqualTo("15");
	}

	@Test
	void networkAndRegistryFiguresFollowTheirRegistriesAtOnce() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		JsonNode before = dashboard(province, "150102");
		String village = jdbc.sql("""
				SELECT MIN(code) FROM region WHERE level = 5 AND code >= '150102' AND code < '150103'
				  AND code NOT IN (SELECT region_code FROM site WHERE site_type = 'ROOM' AND status <> 'CLOSED')
				""").query(String.class).single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/sites")
			.with(TestAccounts.as(county))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("""
					{"type":"ROOM","regionCode":"%s","name":"看板测试社工室","address":"测试路1号","phone":"0471-1234567","status":"OPERATING"}"""
				.formatted(village)))
			.andExpect(status().isCreated());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/volunteers")
			.with(TestAccounts.as(county))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("""
					{"name":"志愿者","idNumber":"11010519491231002X","phone":"13800138000","regionCode":"150102001"}"""))
			.andExpect(status().is2xxSuccessful());
		JsonNode after = dashboard(province, "150102");
		assertThat(after.get("network").get("rooms").asLong()).isEqualTo(before.get("network").get("rooms").asLong() + 1);
		assertThat(after.get("registries").get("volunteers").asLong())
			.isEqualTo(before.get("registries").get("volunteers").asLong() + 1);
		long rooms = jdbc.sql("""
				SELECT COUNT(*) FROM site WHERE site_type = 'ROOM' AND status = 'OPERATING'
				  AND region_code >= '150102' AND region_code < '150103'
				""").query(Long.class).single();
		assertThat(after.get("network").get("rooms").asLong()).isEqualTo(rooms);
		long volunteers = jdbc.sql("""
				SELECT COUNT(*) FROM volunteer WHERE status <> 'WITHDRAWN'
				  AND region_code >= '150102' AND region_code < '150103'
				""").query(Long.class).single();
		assertThat(after.get("registries").get("volunteers").asLong()).isEqualTo(volunteers);
	}

	@Test
	void aRecordSavedAMomentAgoIsInTheNextAnswer() throws Exception {
		long before = dashboard(province, "150102").get("activities").get("activities").asLong();
		record("150102003001", year + "-07-01", 1, 1, "0", "0", "OTHER");
		assertThat(dashboard(province, "150102").get("activities").get("activities").asLong()).isEqualTo(before + 1);
	}

	@Test
	void theLastYearComparisonReadsTheSameDatesAYearEarlier() throws Exception {
		int lastYear = year;
		year = year + 1;
		campaign = campaigns.create(new RegionScope(RegionCode.parse("15")),
				new CampaignInput(null, "dashboard-next-" + System.nanoTime(), "theme", "15", 2, year + "-01-01",
						year + "-12-31", List.of(year + "-12-31T17:00:00+08:00"), null, null, null, null, null,
						null, null),
				"test");
		record("150102001002", year + "-02-01", 1, 1, "0", "0", "OTHER");
		String body = mvc.perform(get("/api/stats/dashboard").param("region", "150102")
			.param("from", year + "-01-01")
			.param("to", year + "-12-31")
			.with(TestAccounts.as(province))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode d = JsonMapper.builder().build().readTree(body);
		assertThat(d.get("previous").get("activities").asLong()).isEqualTo(rawCount(lastYear)).isGreaterThanOrEqualTo(2);
		assertThat(d.get("activities").get("activities").asLong()).isEqualTo(rawCount(year)).isGreaterThanOrEqualTo(1);
	}

	long rawCount(int y) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM activity WHERE region_code >= '150102' AND region_code < '150103'
				  AND start_date >= :f AND start_date <= :t
				""").param("f", LocalDate.of(y, 1, 1)).param("t", LocalDate.of(y, 12, 31)).query(Long.class).single();
	}

	@Test
	void aCountySeesOnlyItsOwnSubtree() throws Exception {
		String xincheng = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/api/stats/dashboard").param("region", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/stats/dashboard").param("region", "1501").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/stats").param("region", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/stats/export.xlsx").param("region", "150105").with(TestAccounts.as(xincheng)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/stats/dashboard").with(TestAccounts.as(xincheng)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.region.code").value("150102"))
			.andExpect(jsonPath("$.path[0].code").value("150102"));
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		mvc.perform(get("/api/stats/dashboard").with(TestAccounts.as(worker))).andExpect(status().isForbidden());
	}

	@Test
	void thePageShowsCardsBreadcrumbsAndDrillDownLinks() throws Exception {
		mvc.perform(get("/stats").param("region", "1501")
			.param("from", year + "-01-01")
			.param("to", year + "-12-31")
			.param("campaign", String.valueOf(campaign))
			.with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-indicator=\"activities\">3<")))
			.andExpect(content().string(containsString("内蒙古自治区")))
			.andExpect(content().string(containsString("/stats?region=150102&amp;from=" + year + "-01-01")));
		mvc.perform(get("/stats").param("from", "2025-13-01").with(TestAccounts.as(province)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("2025-13-01")));
	}

	String page(String user, String region, String... more) throws Exception {
		return page(new MockHttpSession(), user, region, more);
	}

	/** The page in a session of its own: the user's layout is reused within it. */
	String page(MockHttpSession session, String user, String region, String... more) throws Exception {
		var request = get("/stats").session(session)
			.param("region", region)
			.param("from", year + "-01-01")
			.param("to", year + "-12-31")
			.param("campaign", String.valueOf(campaign))
			.with(TestAccounts.as(user));
		for (int i = 0; i < more.length; i += 2) {
			request.param(more[i], more[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The body between the navigation and the footer: what is reused while the figures are unchanged. */
	static String body(String page) {
		return page.substring(page.indexOf("<main"), page.indexOf("<footer"));
	}

	@Test
	void theReusedPageBodyStaysExactAndHoldsNothingOfTheUser() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String first = page(province, "150102");
		assertThat(page(province, "150102")).as("unchanged figures, same body").contains(body(first));
		assertThat(first).contains("data-indicator=\"activities\">2<");

		// the layout is the user's own; the body carries no token, session or user name
		String other = page(county, "150102");
		assertThat(other).contains(county).doesNotContain(province);
		assertThat(body(first)).doesNotContain("_csrf").doesNotContain("jsessionid").doesNotContain(province);
		assertThat(first).contains("name=\"_csrf\"");
		// breadcrumbs stop at the viewer's own region
		assertThat(body(first)).contains("/stats?region=15&amp;");
		assertThat(body(other)).doesNotContain("/stats?region=15&amp;").contains("data-indicator=\"activities\">2<");

		// a record committed a moment ago is in the very next page, for both viewers
		record("150102003001", year + "-07-01", 1, 1, "0", "0", "OTHER");
		assertThat(page(province, "150102")).contains("data-indicator=\"activities\">3<");
		assertThat(page(county, "150102")).contains("data-indicator=\"activities\">3<");

		// the language is part of what is reused
		assertThat(body(page(province, "150102", "lang", "en"))).contains(">Activities<").doesNotContain(">活动场次<");
		assertThat(body(page(province, "150102", "lang", "zh_CN"))).contains(">活动场次<");
	}

	@Test
	void theLayoutIsReusedWithinItsSessionOnlyAndItsTokenStaysValid() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		MockHttpSession session = new MockHttpSession();
		String first = page(session, province, "150102");
		// the same frame, masked CSRF token included, is written again; the title names the region, the body is fresh
		assertThat(page(session, province, "150102")).isEqualTo(first);
		assertThat(first).contains("<title>新城区 - 统计看板</title>").contains(province)
			.contains("data-indicator=\"activities\">2<").endsWith("</html>\n");
		String other = page(session, province, "1501");
		assertThat(other).contains("<title>呼和浩特市 - 统计看板</title>")
			.startsWith(first.substring(0, first.indexOf("<title>")));
		record("150102003001", year + "-07-01", 1, 1, "0", "0", "OTHER");
		assertThat(page(session, province, "150102")).contains("data-indicator=\"activities\">3<");

		// another session gets its own user's layout, never the first one's
		String theirs = page(new MockHttpSession(), county, "150102");
		assertThat(theirs).contains(county).doesNotContain(province);

		// the language is part of the frame
		assertThat(page(session, province, "150102", "lang", "en")).contains(">Log out<").doesNotContain(">退出登录<");
		String chinese = page(session, province, "150102", "lang", "zh_CN");
		assertThat(chinese).contains(">退出登录<");

		// the reused token is the session's: logging out with it works
		String token = chinese.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		assertThat(token).doesNotContain("<");
		mvc.perform(post("/logout").session(session).param("_csrf", "x" + token).accept(MediaType.TEXT_HTML))
			.andExpect(status().isForbidden());
		mvc.perform(post("/logout").session(session).param("_csrf", token).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/login*"));
	}

	@Test
	void theLibrariesThePageLinksAreServedAtTheLinkedPaths() throws Exception {
		String page = page(province, "150102");
		for (String path : List.of("/webjars/bootstrap/css/bootstrap.min.css", "/webjars/echarts/dist/echarts.min.js",
				"/js/stats.js")) {
			assertThat(page).contains("\"" + path + "\"");
			mvc.perform(get(path).with(TestAccounts.as(province))).andExpect(status().isOk());
		}
	}

	@Test
	void theExportCarriesTheSameFigures() throws Exception {
		byte[] xlsx = mvc.perform(get("/stats/export.xlsx").param("region", "15")
			.param("from", year + "-01-01")
			.param("to", year + "-12-31")
			.param("campaign", String.valueOf(campaign))
			.with(TestAccounts.as(province)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet indicators = wb.getSheetAt(0);
			assertThat(indicators.getRow(0).getCell(0).getStringCellValue()).contains("内蒙古自治区");
			assertThat(indicators.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(4);
			assertThat(indicators.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(1100.50);
			Sheet children = wb.getSheetAt(1);
			double sum = 0;
			for (int r = 1; r <= children.getLastRowNum(); r++) {
				sum += children.getRow(r).getCell(2).getNumericCellValue();
			}
			assertThat(sum).isEqualTo(4);
		}
	}

	@Test
	void englishPagesNameTheCountryInEnglish() throws Exception {
		String admin = TestAccounts.create(accounts, Role.ADMIN, "00");
		mvc.perform(get("/stats").param("lang", "en").with(TestAccounts.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Nationwide - Dashboard</title>")))
			.andExpect(content().string(containsString(">Nationwide dashboard<")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("全国 dashboard"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("全国 - Dashboard"))));
	}

}
