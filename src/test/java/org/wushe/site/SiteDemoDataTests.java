package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.region.RegionCode;
import org.wushe.support.IntegrationTest;

/** The demo network of 包头市 (1502), the one league or city no other test touches. */
@IntegrationTest
class SiteDemoDataTests {

	@Autowired
	SiteDemoData demo;

	@Autowired
	SiteService sites;

	@Autowired
	SiteTally tally;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBelievablePartialNetwork() {
		RegionCode baotou = new RegionCode("1502");
		SiteFixtures fixtures = new SiteFixtures(sites, jdbc);
		for (SiteType t : SiteType.values()) {
			fixtures.freeAll("1502", t);
		}
		long created = demo.create(baotou::equals);
		assertThat(created).isGreaterThan(300);
		Coverage c = sites.coverage(baotou, SiteFixtures.EVERYWHERE);
		// 包头市: 10 counties, 91 townships, 855 villages; rates from demo/site-network.csv, less planned ones
		assertThat(c.countyCoverage()).isBetween(0.7, 1.0);
		assertThat(c.townshipCoverage()).isBetween(0.6, 0.95);
		assertThat(c.villageCoverage()).isBetween(0.25, 0.5);
		assertThat(c.count(SiteType.STATION, SiteStatus.PLANNED) + c.count(SiteType.ROOM, SiteStatus.PLANNED))
			.isPositive();
		// every site sits on a region of its level, and the counters agree with the sites
		List<Map<String, Object>> wrongLevel = jdbc.sql("""
				SELECT id FROM site WHERE region_code >= '1502' AND region_code < '1503'
				AND NOT ((site_type = 'CENTRE' AND LENGTH(region_code) = 6)
				      OR (site_type = 'STATION' AND LENGTH(region_code) = 9)
				      OR (site_type = 'ROOM' AND LENGTH(region_code) = 12))
				""").query().listOfRows();
		assertThat(wrongLevel).isEmpty();
		for (SiteType t : SiteType.values()) {
			for (SiteStatus s : SiteStatus.values()) {
				assertThat(tally.counts(baotou).of(t, s)).isEqualTo(tally.recount(baotou).of(t, s));
			}
		}
		Site station = sites.list(SiteFixtures.EVERYWHERE,
				new SiteQuery(baotou, SiteType.STATION, SiteStatus.OPERATING, ""), 0, 1)
			.stream()
			.findFirst()
			.map(r -> sites.get(r.id(), SiteFixtures.EVERYWHERE))
			.orElseThrow();
		assertThat(station.name()).endsWith("社工站");
		assertThat(station.staff()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(station.staff().get(0).phonePublic()).isTrue();
		assertThat(station.staff().get(1).phonePublic()).isFalse();
		assertThat(station.serviceItems()).isNotEmpty();
	}

}
