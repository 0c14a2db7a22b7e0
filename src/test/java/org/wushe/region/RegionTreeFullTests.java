package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole shipped tree (665,276 regions), loaded as on a user's first start.
 */
@SpringBootTest(properties = "wushe.regions.only=")
@ActiveProfiles("test")
class RegionTreeFullTests {

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegionNameIndex names;

	@Test
	void loadsEveryRegionOfTheCountry() {
		assertThat(regions.loadStatus().isReady()).isTrue();
		assertThat(regions.loadStatus().loaded()).isEqualTo(665_276);
		Region country = regions.get(RegionCode.COUNTRY);
		assertThat(country.childCount()).isEqualTo(31);
		assertThat(country.prefectures()).isEqualTo(342);
		assertThat(country.counties()).isEqualTo(2_978);
		assertThat(country.townships()).isEqualTo(41_352);
		assertThat(country.villages()).isEqualTo(620_573);
	}

	@Test
	void countsTheTownshipsOfXinchengDistrict() {
		RegionCode xincheng = RegionCode.parse("150102");
		assertThat(regions.children(xincheng)).hasSize(13);
		assertThat(regions.countAt(xincheng, RegionLevel.TOWNSHIP)).isEqualTo(13);
		assertThat(regions.get(xincheng).townships()).isEqualTo(13);
		assertThat(regions.get(xincheng).villages()).isEqualTo(90);
	}

	@Test
	void innerMongoliaHasTheRowsOfTheShippedSample() {
		Region nmg = regions.get(RegionCode.parse("150000000000"));
		assertThat(nmg.name()).isEqualTo("内蒙古自治区");
		assertThat(List.of(nmg.prefectures(), nmg.counties(), nmg.townships(), nmg.villages()))
			.containsExactly(12, 108, 1_225, 14_592);
	}

	/** For every province and prefecture: the code range holds exactly the rows whose parent chain leads to it. */
	@Test
	void theNameIndexAnswersLikeTheTableScan() {
		RegionNameIndex.Snapshot index = names.build(regions.loadStatus().startedAt());
		assertThat(index.size()).as("the tree and the country root").isEqualTo(665_276 + 1);
		Random random = new Random(20231);
		List<Region> samples = jdbc.sql("SELECT " + Regions.COLUMNS + " FROM region ORDER BY code")
			.query(Regions::map)
			.list();
		List<String> terms = new ArrayList<>(List.of("社区", "村委会", "街道", "内蒙古", "新城", "嘎查", "全国", "镇",
				"不存在的名字"));
		for (int i = 0; i < 40; i++) {
			String name = samples.get(random.nextInt(samples.size())).name();
			int from = random.nextInt(name.length());
			terms.add(name.substring(from, Math.min(name.length(), from + 1 + random.nextInt(3))));
		}
		for (String term : terms) {
			Region region = samples.get(random.nextInt(samples.size()));
			List<RegionCode> withins = new ArrayList<>(region.code().ancestors());
			withins.add(region.code());
			// the country for the first terms only: the table scan over all 665,276 names is the slow part here
			RegionCode within = withins.get(terms.indexOf(term) < 12 ? 0 : 1 + random.nextInt(withins.size() - 1));
			for (int limit : new int[] { 50, 3 }) {
				List<String> expected = regions.searchTable(term, within, limit)
					.stream()
					.map(r -> r.code().value())
					.toList();
				assertThat(index.search(term, within, limit)).as("%s in %s, limit %d", term, within, limit)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void subtreeRangesHoldExactlyTheDescendants() {
		List<Region> nodes = jdbc.sql("SELECT " + Regions.COLUMNS + " FROM region WHERE level IN (1, 2)")
			.query(Regions::map)
			.list();
		assertThat(nodes).hasSize(31 + 342);
		for (Region r : nodes) {
			long inRange = jdbc.sql("SELECT COUNT(*) FROM region WHERE code >= :from AND code < :to")
				.param("from", r.code().subtreeFrom())
				.param("to", r.code().subtreeTo())
				.query(Long.class)
				.single();
			long expected = 1L + r.prefectures() + r.counties() + r.townships() + r.villages();
			assertThat(inRange).as("subtree of %s", r.code()).isEqualTo(expected);
		}
	}

	@Test
	void theSyntheticCountiesHoldTheirTownships() {
		// 东莞 (4419) has no NBS counties; the source inserts 441900 to hold its townships.
		assertThat(regions.get(RegionCode.parse("441900")).level()).isEqualTo(RegionLevel.COUNTY);
		assertThat(regions.children(RegionCode.parse("4419"))).extracting(r -> r.code().value())
			.containsExactly("441900");
		assertThat(regions.get(RegionCode.parse("441900")).townships()).isGreaterThan(20);
	}

}
