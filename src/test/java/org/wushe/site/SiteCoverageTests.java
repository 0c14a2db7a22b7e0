package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.Regions;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * Coverage against hand-counted fixtures in 新城区 (150102: 13 townships, 90 villages) and 海拉尔东路街道
 * (150102001: 10 villages). The test first closes every site of 150102, so it counts only what it creates.
 */
@IntegrationTest
class SiteCoverageTests {

	static final List<String> TOWNSHIPS = List.of("150102001", "150102002", "150102003", "150102004", "150102005");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	SiteService sites;

	@Autowired
	SiteTally tally;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	SiteFixtures fixtures;

	String county;

	@BeforeEach
	void setUp() {
		fixtures = new SiteFixtures(sites, jdbc);
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		for (SiteType t : SiteType.values()) {
			fixtures.freeAll("150102", t);
		}
	}

	@Test
	void coverageCountsOperatingSitesAgainstAllRegionsOfTheLevel() throws Exception {
		assertThat(regions.get(new RegionCode("150102")).townships()).isEqualTo(13);
		assertThat(regions.get(new RegionCode("150102")).villages()).isEqualTo(90);
		assertThat(regions.get(new RegionCode("150102001")).villages()).isEqualTo(10);
		List<Region> villages = regions.children(new RegionCode("150102001"));

		fixtures.create(SiteType.STATION, TOWNSHIPS.get(0), "a", SiteStatus.OPERATING);
		fixtures.create(SiteType.STATION, TOWNSHIPS.get(1), "b", SiteStatus.OPERATING);
		Site third = fixtures.create(SiteType.STATION, TOWNSHIPS.get(2), "c", SiteStatus.OPERATING);
		fixtures.create(SiteType.STATION, TOWNSHIPS.get(3), "d", SiteStatus.PLANNED);
		fixtures.create(SiteType.STATION, TOWNSHIPS.get(4), "e", SiteStatus.CLOSED);
		fixtures.create(SiteType.ROOM, villages.get(0).code().value(), "r1", SiteStatus.OPERATING);
		fixtures.create(SiteType.ROOM, villages.get(1).code().value(), "r2", SiteStatus.OPERATING);
		fixtures.create(SiteType.ROOM, villages.get(2).code().value(), "r3", SiteStatus.SUSPENDED);
		fixtures.create(SiteType.CENTRE, "150102", "centre", SiteStatus.OPERATING);

		mvc.perform(get("/api/sites/coverage").param("region", "150102").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.centres").value(1))
			.andExpect(jsonPath("$.stations").value(3))
			.andExpect(jsonPath("$.rooms").value(2))
			.andExpect(jsonPath("$.countyCoverage").value(1.0))
			.andExpect(jsonPath("$.townshipCoverage").value(3.0 / 13))
			.andExpect(jsonPath("$.villageCoverage").value(2.0 / 90))
			.andExpect(jsonPath("$.sites.STATION.PLANNED").value(1))
			.andExpect(jsonPath("$.sites.ROOM.SUSPENDED").value(1));
		mvc.perform(get("/api/sites/coverage").param("region", "150102001").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.stations").value(1))
			.andExpect(jsonPath("$.townshipCoverage").value(1.0))
			.andExpect(jsonPath("$.villageCoverage").value(0.2))
			.andExpect(jsonPath("$.countyCoverage").doesNotExist());

		// a station stops operating: coverage drops; a new one elsewhere brings it back
		fixtures.close(third.id());
		assertThat(sites.coverage(new RegionCode("150102"), SiteFixtures.EVERYWHERE).townshipCoverage())
			.isCloseTo(2.0 / 13, within(1e-9));
		fixtures.create(SiteType.STATION, "150102006", "f", SiteStatus.OPERATING);
		Coverage c = sites.coverage(new RegionCode("150102"), SiteFixtures.EVERYWHERE);
		assertThat(c.stations()).isEqualTo(3);
		assertThat(c.count(SiteType.STATION, SiteStatus.CLOSED)).isGreaterThanOrEqualTo(2);

		// the drill-down lists the 13 townships with their own figures
		mvc.perform(get("/api/sites/coverage/children").param("region", "150102").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(13))
			.andExpect(jsonPath("$[0].regionCode").value("150102001"))
			.andExpect(jsonPath("$[0].stations").value(1))
			.andExpect(jsonPath("$[0].rooms").value(2))
			.andExpect(jsonPath("$[0].villageCoverage").value(0.2))
			.andExpect(jsonPath("$[3].stations").value(0))
			.andExpect(jsonPath("$[3].townshipCoverage").value(0.0));
	}

	@Test
	void countersAgreeWithTheSitesAllTheWayUp() {
		fixtures.create(SiteType.STATION, "150102007", "g", SiteStatus.OPERATING);
		Site s = fixtures.create(SiteType.STATION, "150102008", "h", SiteStatus.SUSPENDED);
		fixtures.close(s.id());
		for (String region : List.of("00", "15", "1501", "150102", "150102007")) {
			RegionCode code = new RegionCode(region);
			SiteTally.Counts kept = tally.counts(code);
			SiteTally.Counts counted = tally.recount(code);
			for (SiteType t : SiteType.values()) {
				for (SiteStatus st : SiteStatus.values()) {
					assertThat(kept.of(t, st)).as("%s %s %s", region, t, st).isEqualTo(counted.of(t, st));
				}
			}
		}
	}

	@Test
	void wholeCountryForACountryWideAccount() throws Exception {
		String admin = TestAccounts.create(accounts, Role.ADMIN, "00");
		fixtures.create(SiteType.CENTRE, "150102", "centre", SiteStatus.OPERATING);
		mvc.perform(get("/api/sites/coverage").with(TestAccounts.as(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("00"))
			.andExpect(jsonPath("$.centres").value(tally.recount(RegionCode.COUNTRY).of(SiteType.CENTRE,
					SiteStatus.OPERATING)));
	}

	@Test
	void coveragePageDrillsDownWithBreadcrumbs() throws Exception {
		fixtures.create(SiteType.STATION, TOWNSHIPS.get(0), "a", SiteStatus.OPERATING);
		fixtures.create(SiteType.STATION, TOWNSHIPS.get(1), "b", SiteStatus.OPERATING);
		fixtures.create(SiteType.STATION, TOWNSHIPS.get(2), "c", SiteStatus.OPERATING);
		String city = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		mvc.perform(get("/sites/coverage").param("region", "150102").with(TestAccounts.as(city)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"breadcrumbs\"")))
			.andExpect(content().string(containsString("呼和浩特市")))
			.andExpect(content().string(containsString("23.1%")))
			.andExpect(content().string(containsString("海拉尔东路街道")))
			.andExpect(content().string(containsString("3 / 13")));
		// breadcrumbs stop at the user's own region
		mvc.perform(get("/sites/coverage").param("region", "150102").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("呼和浩特市"))));
		mvc.perform(get("/sites/coverage").param("region", "1501").param("lag", "STATION").with(TestAccounts.as(city)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新城区")));
		mvc.perform(get("/sites/coverage").param("region", "1502").with(TestAccounts.as(city)))
			.andExpect(status().isNotFound());
	}

}
