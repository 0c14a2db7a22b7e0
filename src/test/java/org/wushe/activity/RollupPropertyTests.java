package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheApplication;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.TestDatabase;

/**
 * Random inserts, edits and deletes of activity records through the real service; afterwards, for every region they
 * touched and all its ancestors, and for periods of every shape, the rollup equals a GROUP BY over the raw records and
 * every parent equals the sum of its children plus the records at the parent itself.
 */
@Tag("integration")
class RollupPropertyTests {

	static final RegionScope COUNTRY = new RegionScope(RegionCode.COUNTRY);

	static final LocalDate FIRST_DAY = LocalDate.of(2022, 2, 20);

	static ConfigurableApplicationContext context;

	static ActivityService activities;

	static ActivityRollup rollup;

	static CampaignService campaigns;

	static JdbcClient jdbc;

	/** Regions at every level below Inner Mongolia, several under the same parents. */
	static List<String> regions;

	@BeforeContainer
	static void start() {
		context = new SpringApplicationBuilder(WusheApplication.class)
			.profiles(new TestDatabase().resolve(RollupPropertyTests.class))
			// a command-line argument, so that it wins over server.port of application.properties
			.run("--server.port=0");
		activities = context.getBean(ActivityService.class);
		rollup = context.getBean(ActivityRollup.class);
		campaigns = context.getBean(CampaignService.class);
		jdbc = context.getBean(JdbcClient.class);
		regions = new ArrayList<>(List.of("15", "1501", "1502", "150102", "150105", "150102001", "150102002"));
		regions.addAll(jdbc.sql("SELECT code FROM region WHERE parent_code IN ('150102001', '150102002', '150105001') ORDER BY code")
			.query(String.class)
			.list()
			.subList(0, 12));
	}

	@AfterContainer
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	/** One write: insert a record, or edit or delete the n-th record recorded so far (modulo their number). */
	record Op(char kind, int target, int region, int day, int domains, int participants, int beneficiaries,
			int fundsCents, int materialsCents) {
	}

	@Provide
	Arbitrary<List<Op>> operations() {
		Arbitrary<Op> op = Combinators.combine(Arbitraries.of('I', 'I', 'I', 'U', 'D'), Arbitraries.integers().between(0, 1000),
				Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 80),
				Arbitraries.integers().between(1, 63), Arbitraries.integers().between(0, 5000),
				Arbitraries.integers().between(0, 5000), Arbitraries.integers().between(0, 10_000_000))
			.as((kind, target, region, day, domains, participants, beneficiaries, funds) -> new Op(kind, target, region,
					day, domains, participants, beneficiaries, funds, (funds * 7 + 13) % 1_000_000));
		return op.list().ofMinSize(1).ofMaxSize(30);
	}

	@Property(tries = 20)
	void rollupsEqualTheRawRecordsAndParentsTheSumOfTheirChildren(@ForAll("operations") List<Op> ops) {
		long campaign = campaigns.create(COUNTRY, new CampaignInput(null, "property-" + System.nanoTime(), "t", "15", 2,
				"2022-03-17", "2022-03-31", List.of("2022-03-24T17:00:00+08:00"), null, null, null, null, null, null,
				null), "property");
		List<Long> ids = new ArrayList<>();
		Set<String> touched = new LinkedHashSet<>();
		for (Op op : ops) {
			String region = regions.get(op.region() % regions.size());
			ActivityInput input = new ActivityInput(region, "p", null, String.valueOf(op.participants()),
					FIRST_DAY.plusDays(op.day()).toString(), null, null, null, names(op.domains()),
					String.valueOf(op.beneficiaries()), BigDecimal.valueOf(op.fundsCents(), 2).toPlainString(),
					BigDecimal.valueOf(op.materialsCents(), 2).toPlainString(), null);
			if (op.kind() == 'I' || ids.isEmpty()) {
				ids.add(activities.record(COUNTRY, campaign, input, "property").id());
				touched.add(region);
			}
			else if (op.kind() == 'U') {
				long id = ids.get(op.target() % ids.size());
				touched.add(activities.get(COUNTRY, id).region().value());
				activities.update(COUNTRY, id, input, "property");
				touched.add(region);
			}
			else {
				long id = ids.remove(op.target() % ids.size());
				touched.add(activities.get(COUNTRY, id).region().value());
				activities.delete(COUNTRY, id);
			}
		}
		Set<RegionCode> check = new LinkedHashSet<>();
		for (String t : touched) {
			RegionCode code = RegionCode.parse(t);
			check.addAll(code.ancestors());
			check.add(code);
		}
		List<LocalDate[]> periods = List.of(
				new LocalDate[] { LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31) },
				new LocalDate[] { LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 31) },
				new LocalDate[] { LocalDate.of(2022, 2, 25), LocalDate.of(2022, 4, 3) },
				new LocalDate[] { LocalDate.of(2022, 3, 17), LocalDate.of(2022, 3, 24) },
				new LocalDate[] { LocalDate.of(2022, 3, 5), LocalDate.of(2022, 5, 1) },
				new LocalDate[] { LocalDate.of(2022, 3, 20), LocalDate.of(2022, 3, 20) });
		for (LocalDate[] p : periods) {
			for (RegionCode code : check) {
				ActivityTotals total = rollup.totals(COUNTRY, code, p[0], p[1], campaign);
				assertThat(total).as("%s %s..%s", code, p[0], p[1]).isEqualTo(raw(code, p[0], p[1], campaign, false));
				if (!code.isCountry()) {
					ActivityTotals sum = raw(code, p[0], p[1], campaign, true);
					for (Map.Entry<Region, ActivityTotals> child : rollup.byChild(COUNTRY, code, p[0], p[1], campaign)
						.entrySet()) {
						sum = sum.plus(child.getValue());
					}
					assertThat(total).as("children of %s", code).isEqualTo(sum);
				}
			}
		}
		// across all campaigns the same holds for the province (other tries' records included)
		LocalDate from = LocalDate.of(2022, 1, 1);
		LocalDate to = LocalDate.of(2022, 12, 31);
		assertThat(rollup.totals(COUNTRY, RegionCode.parse("15"), from, to, null))
			.isEqualTo(raw(RegionCode.parse("15"), from, to, null, false));
	}

	static List<String> names(int mask) {
		return ServiceDomain.ofMask(mask).stream().map(Enum::name).toList();
	}

	/** The figures straight from the records, grouped by SQL and the domain bits summed here. */
	static ActivityTotals raw(RegionCode region, LocalDate from, LocalDate to, Long campaign, boolean ownOnly) {
		String where = ownOnly ? "region_code = :code" : "region_code >= :from AND region_code < :to";
		long[] sums = new long[3];
		BigDecimal[] money = { BigDecimal.ZERO, BigDecimal.ZERO };
		Map<ServiceDomain, long[]> domains = new EnumMap<>(ServiceDomain.class);
		for (ServiceDomain d : ServiceDomain.values()) {
			domains.put(d, new long[2]);
		}
		jdbc.sql("""
				SELECT domains, COUNT(*) AS n, SUM(participants) AS p, SUM(beneficiaries) AS b, SUM(funds_yuan) AS f,
				       SUM(materials_yuan) AS m
				FROM activity
				WHERE %s AND start_date >= :day1 AND start_date <= :day2 AND (:any = TRUE OR campaign_id = :campaign)
				GROUP BY domains
				""".formatted(where))
			.param("code", region.value())
			.param("from", region.subtreeFrom())
			.param("to", region.subtreeTo())
			.param("day1", from)
			.param("day2", to)
			.param("any", campaign == null)
			.param("campaign", campaign == null ? -1 : campaign)
			.query((rs, n) -> {
				long count = rs.getLong("n");
				long b = rs.getLong("b");
				sums[0] += count;
				sums[1] += rs.getLong("p");
				sums[2] += b;
				money[0] = money[0].add(rs.getBigDecimal("f"));
				money[1] = money[1].add(rs.getBigDecimal("m"));
				for (ServiceDomain d : ServiceDomain.ofMask(rs.getInt("domains"))) {
					domains.get(d)[0] += count;
					domains.get(d)[1] += b;
				}
				return null;
			})
			.list();
		Map<ServiceDomain, DomainTotals> byDomain = new EnumMap<>(ServiceDomain.class);
		domains.forEach((d, v) -> byDomain.put(d, new DomainTotals(v[0], v[1])));
		return new ActivityTotals(sums[0], sums[1], sums[2], money[0].setScale(2), money[1].setScale(2), byDomain);
	}

}
