package org.wushe.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;

/** The demo of the embedded default, seen on the real clock long after its 2022 deadlines. */
@IntegrationTest
@TestPropertySource(properties = "wushe.demo.enabled=true")
class CampaignDemoTests {

	static final RegionScope EVERYWHERE = new RegionScope(RegionCode.COUNTRY);

	@Autowired
	CampaignService campaigns;

	@Autowired
	ProgressReports reports;

	@Autowired
	JdbcClient jdbc;

	long innerMongolia2022() {
		return campaigns.findIdByName(RegionCode.parse("15"), "五社联动聚合力 社工服务暖基层").orElseThrow();
	}

	@Test
	void bothCampaignsAreThere() {
		Campaign c = campaigns.get(EVERYWHERE, innerMongolia2022());
		assertThat(c.startDate()).isEqualTo(LocalDate.of(2022, 3, 17));
		assertThat(c.endDate()).isEqualTo(LocalDate.of(2022, 3, 31));
		assertThat(c.deadlines()).extracting(d -> d.local().toString())
			.containsExactly("2022-03-24T17:00", "2022-03-31T17:00");
		assertThat(c.summaryDeadline().lastDay()).isEqualTo(LocalDate.of(2022, 4, 5));
		assertThat(c.reportingLevel().number()).isEqualTo(2);
		assertThat(c.contentItems()).hasSize(4);
		assertThat(campaigns.findIdByName(RegionCode.COUNTRY, "推进‘五社联动’ 关爱‘一小一老’")).isPresent();
		long activities = jdbc.sql("SELECT COUNT(*) FROM activity WHERE campaign_id = :c")
			.param("c", innerMongolia2022())
			.query(Long.class)
			.single();
		assertThat(activities).isEqualTo(22);
	}

	@Test
	void theFirstDeadlineShowsReportsOnTimeOneLateAndOneMissing() {
		Completeness first = reports.completeness(EVERYWHERE, innerMongolia2022(), 1, RegionCode.parse("15"));
		assertThat(first.overall().count(UnitStatus.ON_TIME)).isEqualTo(10);
		assertThat(first.units()).filteredOn(u -> u.status() == UnitStatus.LATE)
			.extracting(UnitCompleteness::regionName)
			.containsExactly("乌海市");
		assertThat(first.units()).filteredOn(u -> u.status() == UnitStatus.MISSING)
			.extracting(UnitCompleteness::regionName)
			.containsExactly("乌兰察布市");
		ProgressReport baotou = reports.get(EVERYWHERE, innerMongolia2022(), 1, RegionCode.parse("1502"));
		assertThat(baotou.status()).isEqualTo(ReportStatus.RESUBMITTED);
		assertThat(baotou.unitStatus()).isEqualTo(UnitStatus.ON_TIME);
		assertThat(baotou.versions()).hasSize(2);
		assertThat(baotou.returns()).hasSize(1);
		ProgressReport hohhot = reports.get(EVERYWHERE, innerMongolia2022(), 1, RegionCode.parse("1501"));
		// the snapshot holds the league's records up to 24 March, not the later ones
		assertThat(hohhot.current().activities()).isEqualTo(5);
		Completeness second = reports.completeness(EVERYWHERE, innerMongolia2022(), 2, RegionCode.parse("15"));
		assertThat(second.overall().count(UnitStatus.LATE)).isEqualTo(1);
		assertThat(second.overall().count(UnitStatus.MISSING)).isEqualTo(4);
	}

}
