package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * 下级站点进度: one row per station below a county, the most behind first, whose overdue visits equal the due list's
 * and whose overdue case tasks equal the caseload's, station by station; a sibling county, a lower level and the
 * read-only role see only what their scope allows.
 */
@IntegrationTest
class StationSummaryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Stations stations;

	@Autowired
	Visits visits;

	@Autowired
	Caseloads caseloads;

	String worker;

	String county;

	String sibling;

	String lower;

	String leader;

	@BeforeEach
	void setUp() {
		worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		lower = TestAccounts.create(accounts, Role.STATION_WORKER, "150102002");
		leader = TestAccounts.create(accounts, Role.LEADER, "150102");
	}

	/** Two persons (one visited 40 days ago, so overdue) and a case 20 days past intake (two overdue tasks). */
	long behind() throws Exception {
		long overdue = CareFixtures.person(mvc, worker, "150102001001");
		CareFixtures.visit(mvc, worker, overdue, LocalDate.now().minusDays(40), "NONE");
		long person = CareFixtures.person(mvc, worker, "150102001001");
		long kase = CareFixtures.create(mvc, worker, "/api/cases", """
				{"personId":%d,"reason":"待预估"}""".formatted(person));
		jdbc.sql("UPDATE care_case SET intake_on = :d WHERE id = :id")
			.param("d", LocalDate.now().minusDays(20))
			.param("id", kase)
			.update();
		return kase;
	}

	static Stations.Station row(Stations.Summary s, String code) {
		return s.rows().stream().filter(r -> r.regionCode().equals(code) && !r.own()).findFirst().orElseThrow();
	}

	@Test
	void eachStationsOverdueFiguresEqualTheDueListAndTheCaseload() throws Exception {
		RegionScope countyScope = new RegionScope(new RegionCode("150102"));
		Stations.Station before = row(stations.of(countyScope), "150102001");
		behind();
		Stations.Summary summary = stations.of(countyScope);
		Stations.Station after = row(summary, "150102001");
		assertThat(after.persons() - before.persons()).isEqualTo(2);
		assertThat(after.visitsOverdue() - before.visitsOverdue()).isEqualTo(1);
		assertThat(after.openCases() - before.openCases()).isEqualTo(1);
		assertThat(after.overdueTasks() - before.overdueTasks()).isEqualTo(2);
		CurrentUser staff = accounts.principalOf(county).orElseThrow();
		for (Stations.Station s : summary.rows()) {
			RegionScope scope = new RegionScope(new RegionCode(s.regionCode()));
			long dueOverdue = visits.due(scope, 0, 1_000_000)
				.stream()
				.filter(d -> s.own() ? d.regionCode().equals(s.regionCode()) : true)
				.filter(Visit.Due::overdue)
				.count();
			List<Caseloads.Overdue> tasks = caseloads.overdue(staff, countyScope, Caseloads.View.BELOW, 500);
			long caseTasks = tasks.stream().filter(t -> t.regionCode().startsWith(s.regionCode())).count();
			assertThat(s.visitsOverdue()).as("visits overdue of %s", s.regionCode()).isEqualTo(dueOverdue);
			if (!s.own()) {
				assertThat(s.overdueTasks()).as("case tasks overdue of %s", s.regionCode()).isEqualTo(caseTasks);
			}
		}
		List<Long> behind = summary.rows().stream().map(Stations.Station::behind).toList();
		assertThat(behind).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(summary.rows().stream().mapToLong(Stations.Station::visitsOverdue).sum())
			.isEqualTo(summary.total().visitsOverdue());
	}

	@Test
	void theApiAndThePagesShowTheStationsBelowTheCounty() throws Exception {
		behind();
		mvc.perform(get("/api/care/stations").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("150102"))
			.andExpect(jsonPath("$.rows[*].regionCode", hasItem("150102001")))
			.andExpect(jsonPath("$.rows[*].regionCode", hasItem("150102002")));
		mvc.perform(get("/care/visits/due").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"station-summary\"")))
			.andExpect(content().string(containsString("data-region=\"150102001\"")));
		mvc.perform(get("/care/cases").param("view", "BELOW").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-region=\"150102001\"")))
			.andExpect(content().string(containsString("view=BELOW&amp;region=150102001")));
		// a malformed code is a 400 naming the parameter, as on the other care endpoints
		mvc.perform(get("/api/care/stations").param("region", "15010x").with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"));
		mvc.perform(get("/api/persons").param("region", "15010x").with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("region"));
	}

	@Test
	void aSiblingCountyALowerLevelAndTheReadOnlyRoleSeeOnlyTheirScope() throws Exception {
		behind();
		mvc.perform(get("/api/care/stations").param("region", "150102").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/care/stations").param("region", "150102001").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/care/stations").with(TestAccounts.as(sibling)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[*].regionCode", not(hasItem("150102001"))));
		mvc.perform(get("/care/visits/due").param("region", "150102").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/care/cases").param("view", "BELOW").with(TestAccounts.as(sibling)))
			.andExpect(content().string(not(containsString("data-region=\"150102001\""))));
		mvc.perform(get("/api/care/stations").param("region", "150102001").with(TestAccounts.as(lower)))
			.andExpect(status().isNotFound());
		// a request above the station narrows to the station itself
		mvc.perform(get("/api/care/stations").param("region", "150102").with(TestAccounts.as(lower)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("150102002"))
			.andExpect(jsonPath("$.rows[*].regionCode", not(hasItem("150102001"))));
		// the read-only leader reads the county's figures, and they carry no names or notes
		String json = mvc.perform(get("/api/care/stations").with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[*].regionCode", hasItem("150102001")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).doesNotContain("测试对象").doesNotContain("personId");
		mvc.perform(post("/api/care/stations").with(TestAccounts.as(leader))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().is4xxClientError());
	}

}
