package org.wushe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.activity.ActivityInput;
import org.wushe.activity.ActivityService;
import org.wushe.activity.ActivityTotals;
import org.wushe.activity.DomainTotals;
import org.wushe.activity.ServiceDomain;
import org.wushe.actor.ActorFigures;
import org.wushe.actor.ActorTestData;
import org.wushe.actor.OrganizationKind;
import org.wushe.actor.Qualification;
import org.wushe.actor.organization.OrganizationInput;
import org.wushe.actor.organization.OrganizationService;
import org.wushe.actor.volunteer.VolunteerInput;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.actor.worker.SocialWorkerService;
import org.wushe.actor.worker.WorkerInput;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.site.Coverage;
import org.wushe.site.SiteInput;
import org.wushe.site.SiteService;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * Random inserts, edits and deletes of activity records, mixed with random changes to the registries the dashboard
 * counts (sites, organizations, workers, volunteers), all through the real services; after every few changes, every
 * figure the dashboard shows — cards, last year's cards, the domain breakdown, the time series, the child comparison
 * with its network figures, the registry counts — equals a naive recomputation from the raw rows, the parent equals the
 * sum of its children (plus what is recorded on the parent itself), and the page shows the same cards. The dashboard is
 * read through {@link DashboardService} with its answer reuse in place, so a stale reused answer fails here too.
 * Seeded: a failure names its seed and replays the same changes.
 */
@IntegrationTest
class DashboardPropertyTests {

	static final RegionScope ALL = new RegionScope(RegionCode.COUNTRY);

	static final int CHANGES = 60;

	static final int CHECK_EVERY = 12;

	/** Years of their own (dates must lie in 1990–2100), so that other tests' records rarely share them. */
	static int nextYear = 2041 + (int) (System.nanoTime() % 40);

	@Autowired
	DashboardService dashboards;

	@Autowired
	ActivityService activities;

	@Autowired
	CampaignService campaigns;

	@Autowired
	SiteService sites;

	@Autowired
	OrganizationService organizations;

	@Autowired
	SocialWorkerService workers;

	@Autowired
	VolunteerService volunteers;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	Random random;

	int year;

	long[] campaignIds;

	/** Villages and townships of two prefectures where the changes happen, in code order. */
	List<String> places;

	List<String> villages;

	List<String> townships;

	final List<Long> activityIds = new ArrayList<>();

	final List<Long> siteIds = new ArrayList<>();

	final List<Long> organizationIds = new ArrayList<>();

	final List<Long> workerIds = new ArrayList<>();

	final List<Long> volunteerIds = new ArrayList<>();

	/** Changes the services accepted, by kind: every kind must have happened for the run to prove anything. */
	final Map<String, Integer> accepted = new TreeMap<>();

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 20250317L, 1L, 977L })
	void everyFigureEqualsTheRawRowsAfterRandomChanges(long seed) throws Exception {
		random = new Random(seed);
		year = nextYear++;
		String leader = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		campaignIds = new long[] { campaign("a"), campaign("b") };
		townships = jdbc.sql("""
				SELECT code FROM region WHERE level = 4 AND (code LIKE '150102%' OR code LIKE '150105%'
				  OR code LIKE '150203%') ORDER BY code""").query(String.class).list();
		townships = pick(townships, 6);
		villages = pick(jdbc.sql("SELECT code FROM region WHERE level = 5 AND parent_code IN (:t) ORDER BY code")
			.param("t", townships)
			.query(String.class)
			.list(), 14);
		places = new ArrayList<>(villages);
		places.addAll(townships);
		for (int i = 1; i <= CHANGES; i++) {
			change();
			if (i % CHECK_EVERY == 0) {
				for (String region : checkedRegions()) {
					// a period asked again and again (a reused answer must follow every change) and a random one
					check(seed, region, leader, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null,
							Granularity.MONTH);
					LocalDate from = LocalDate.of(year, 1, 1).plusDays(random.nextInt(200));
					check(seed, region, leader, from, from.plusDays(random.nextInt(160)),
							random.nextBoolean() ? null : campaignIds[random.nextInt(2)],
							random.nextBoolean() ? Granularity.WEEK : Granularity.MONTH);
				}
			}
		}
		assertThat(accepted).as("seed " + seed + ": changes accepted by kind")
			.containsKeys("activity.record", "activity.update", "activity.delete", "site", "organization", "worker",
					"volunteer");
	}

	/** The province, and the ancestors of a random place of the changes: every level from the prefecture down. */
	List<String> checkedRegions() {
		RegionCode place = RegionCode.parse(places.get(random.nextInt(places.size())));
		List<String> codes = new ArrayList<>(List.of("15"));
		for (RegionCode a : place.ancestors()) {
			if (a.value().length() > 2) {
				codes.add(a.value());
			}
		}
		if (place.value().length() < 12) {
			codes.add(place.value());
		}
		return codes;
	}

	// ---------------------------------------------------------------- random changes through the real services

	void change() {
		int dice = random.nextInt(100);
		String kind;
		try {
			if (dice < 35 || activityIds.isEmpty()) {
				kind = "activity.record";
				activityIds.add(activities.record(ALL, campaignIds[random.nextInt(2)], activity(), "test").id());
			}
			else if (dice < 50) {
				kind = "activity.update";
				activities.update(ALL, activityIds.get(random.nextInt(activityIds.size())), activity(), "test");
			}
			else if (dice < 58) {
				kind = "activity.delete";
				activities.delete(ALL, activityIds.remove(random.nextInt(activityIds.size())));
			}
			else if (dice < 70) {
				kind = "site";
				site();
			}
			else if (dice < 80) {
				kind = "organization";
				organization();
			}
			else if (dice < 90) {
				kind = "worker";
				worker();
			}
			else {
				kind = "volunteer";
				volunteer();
			}
			accepted.merge(kind, 1, Integer::sum);
		}
		catch (BusinessException refused) {
			// e.g. a second active site on a region: refused, nothing stored; the checks prove nothing half-stored
		}
	}

	ActivityInput activity() {
		LocalDate day = LocalDate.of(random.nextInt(5) == 0 ? year - 1 : year, 1, 1).plusDays(random.nextInt(365));
		List<String> domains = new ArrayList<>();
		for (ServiceDomain d : ServiceDomain.values()) {
			if (random.nextInt(4) == 0) {
				domains.add(d.name());
			}
		}
		if (domains.isEmpty()) {
			domains.add(ServiceDomain.values()[random.nextInt(ServiceDomain.values().length)].name());
		}
		return new ActivityInput(place(), "活动" + random.nextInt(1000), null, String.valueOf(random.nextInt(80)),
				day.toString(), null, null, null, domains, String.valueOf(random.nextInt(200)), money(), money(), null);
	}

	String money() {
		return random.nextInt(3) == 0 ? "0" : BigDecimal.valueOf(random.nextInt(500_000), 2).toPlainString();
	}

	String place() {
		return places.get(random.nextInt(places.size()));
	}

	void site() {
		String[] statuses = { "OPERATING", "OPERATING", "SUSPENDED", "PLANNED", "CLOSED" };
		String status = statuses[random.nextInt(statuses.length)];
		if (siteIds.isEmpty() || random.nextBoolean()) {
			boolean station = random.nextInt(3) == 0;
			String region = station ? townships.get(random.nextInt(townships.size()))
					: villages.get(random.nextInt(villages.size()));
			siteIds.add(sites.create(new SiteInput(station ? "STATION" : "ROOM", region, "站点" + random.nextInt(1000),
					null, null, null, null, List.of(), List.of(), null, status, null, null, null, null, null, null,
					null), ALL).id());
		}
		else {
			long id = siteIds.get(random.nextInt(siteIds.size()));
			var s = sites.get(id, ALL);
			SiteInput in = SiteInput.of(s);
			sites.update(id, new SiteInput(in.type(), in.regionCode(), in.name(), in.address(), in.phone(),
					in.openingHours(), in.serviceContent(), in.serviceItems(), in.staff(), in.serviceProcess(), status,
					null, null, null, null, in.latitude(), in.longitude(), null), ALL);
		}
	}

	void organization() {
		OrganizationKind kind = OrganizationKind.values()[random.nextInt(OrganizationKind.values().length)];
		String[] statuses = { "ACTIVE", "ACTIVE", "SUSPENDED", "DEREGISTERED" };
		String status = statuses[random.nextInt(statuses.length)];
		if (organizationIds.isEmpty() || random.nextBoolean()) {
			organizationIds.add(organizations.register(new OrganizationInput("组织" + random.nextInt(100_000),
					ActorTestData.creditCode("150102"), kind.name(), place(), null, null, null, null, List.of(), status,
					null), ALL).id());
		}
		else {
			long id = organizationIds.get(random.nextInt(organizationIds.size()));
			var o = organizations.get(ALL, id);
			organizations.update(id, new OrganizationInput(o.name(), o.creditCode(), kind.name(), place(), null, null,
					null, null, List.of(), status, null), ALL);
		}
	}

	void worker() {
		Qualification q = Qualification.values()[random.nextInt(Qualification.values().length)];
		String status = random.nextInt(4) == 0 ? "LEFT" : "ACTIVE";
		String certificate = q.certified() ? "C" + random.nextInt(1_000_000) : "";
		if (workerIds.isEmpty() || random.nextBoolean()) {
			workerIds.add(workers.register(new WorkerInput("社工" + random.nextInt(1000), "FEMALE",
					ActorTestData.idNumber("150102"), null, q.name(), certificate, null, place(), null, status,
					List.of()), ALL).id());
		}
		else {
			long id = workerIds.get(random.nextInt(workerIds.size()));
			var w = workers.get(ALL, id);
			workers.update(id, new WorkerInput(w.name(), w.gender().name(), "", "", q.name(), certificate, null,
					place(), null, status, List.of()), ALL);
		}
	}

	void volunteer() {
		String[] statuses = { "ACTIVE", "ACTIVE", "SUSPENDED", "WITHDRAWN" };
		String status = statuses[random.nextInt(statuses.length)];
		if (volunteerIds.isEmpty() || random.nextBoolean()) {
			volunteerIds.add(volunteers.register(new VolunteerInput("志愿者" + random.nextInt(1000),
					ActorTestData.idNumber("150102"), null, place(), List.of(), List.of(), status), ALL).id());
		}
		else {
			long id = volunteerIds.get(random.nextInt(volunteerIds.size()));
			var v = volunteers.get(ALL, id);
			volunteers.update(id, new VolunteerInput(v.name(), "", "", place(), List.of(), List.of(), status), ALL);
		}
	}

	// ---------------------------------------------------------------- the checks

	void check(long seed, String region, String leader, LocalDate from, LocalDate to, Long campaign,
			Granularity granularity) throws Exception {
		RegionCode code = RegionCode.parse(region);
		String at = "seed " + seed + ", " + region + " " + from + ".." + to + " campaign " + campaign + " "
				+ granularity + ": ";

		Dashboard d = dashboards.dashboard(ALL, code, from, to, campaign, granularity);

		List<Raw> rows = raw(region, from, to, campaign);
		assertTotals(at + "cards", d.activities(), rows);
		assertTotals(at + "last year", d.previous(), raw(region, from.minusYears(1), to.minusYears(1), campaign));

		TreeMap<LocalDate, List<Raw>> buckets = new TreeMap<>();
		for (LocalDate b = granularity.bucketOf(from); !b.isAfter(to); b = granularity.next(b)) {
			buckets.put(b, new ArrayList<>());
		}
		rows.forEach(r -> buckets.get(granularity.bucketOf(r.start())).add(r));
		assertThat(d.series()).as(at + "series buckets").extracting(Dashboard.Point::start)
			.containsExactlyElementsOf(buckets.keySet());
		for (Dashboard.Point p : d.series()) {
			assertTotals(at + "series " + p.start(), p.totals(), buckets.get(p.start()));
		}

		assertNetwork(at + "network", d.network(), region);
		assertThat(d.registries()).as(at + "registries").isEqualTo(registries(region));

		List<String> children = jdbc.sql("SELECT code FROM region WHERE parent_code = :p ORDER BY code")
			.param("p", region)
			.query(String.class)
			.list();
		assertThat(d.children()).as(at + "children").extracting(c -> c.region().code().value())
			.containsExactlyElementsOf(children);
		ActivityTotals sum = totalsOf(rows.stream().filter(r -> r.region().equals(region)).toList());
		long[] sites = own(region);
		for (Dashboard.ChildRow c : d.children()) {
			String child = c.region().code().value();
			List<Raw> childRows = rows.stream().filter(r -> r.region().startsWith(child)).toList();
			assertTotals(at + "child " + child, c.activities(), childRows);
			assertNetwork(at + "child network " + child, c.network(), child);
			sum = sum.plus(c.activities());
			sites[0] += c.network().centres();
			sites[1] += c.network().stations();
			sites[2] += c.network().rooms();
		}
		if (!children.isEmpty()) {
			assertSameTotals(at + "the parent is the sum of its children and its own records", d.activities(), sum);
			assertThat(sites).as(at + "the parent's sites are its children's and its own")
				.containsExactly(d.network().centres(), d.network().stations(), d.network().rooms());
		}

		// the page shows the same, fresh, figures (its rendered body is reused while the figures are unchanged)
		var page = mvc.perform(get("/stats").param("region", region)
			.param("from", from.toString())
			.param("to", to.toString())
			.param("granularity", granularity.name().toLowerCase(Locale.ROOT))
			.param("campaign", campaign == null ? "" : campaign.toString())
			.with(TestAccounts.as(leader)))
			.andExpect(status().isOk());
		page.andExpect(content().string(containsString("data-indicator=\"activities\">" + grouped(rows.size()) + "<")))
			.andExpect(content().string(
					containsString("data-indicator=\"volunteers\">" + grouped(registries(region).volunteers()) + "<")))
			.andExpect(content()
				.string(containsString("data-indicator=\"rooms\">" + grouped(operating(region, "ROOM")) + "<")));
	}

	static String grouped(long n) {
		return String.format(Locale.ROOT, "%,d", n);
	}

	/** One raw activity record, as stored. */
	record Raw(String region, LocalDate start, long participants, long beneficiaries, BigDecimal funds,
			BigDecimal materials, int domains) {
	}

	List<Raw> raw(String region, LocalDate from, LocalDate to, Long campaign) {
		RegionCode code = RegionCode.parse(region);
		return jdbc.sql("""
				SELECT region_code, start_date, participants, beneficiaries, funds_yuan, materials_yuan, domains
				FROM activity
				WHERE region_code >= :lo AND region_code < :hi AND start_date >= :from AND start_date <= :to
				  AND (:all = TRUE OR campaign_id = :campaign)
				""")
			.param("lo", code.subtreeFrom())
			.param("hi", code.subtreeTo())
			.param("from", from)
			.param("to", to)
			.param("all", campaign == null)
			.param("campaign", campaign == null ? -1L : campaign)
			.query((rs, n) -> new Raw(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7)))
			.list();
	}

	static ActivityTotals totalsOf(List<Raw> rows) {
		ActivityTotals t = ActivityTotals.NONE;
		for (Raw r : rows) {
			Map<ServiceDomain, DomainTotals> domains = new EnumMap<>(ServiceDomain.class);
			for (ServiceDomain d : ServiceDomain.values()) {
				boolean has = (r.domains() & d.bit()) != 0;
				domains.put(d, new DomainTotals(has ? 1 : 0, has ? r.beneficiaries() : 0));
			}
			t = t.plus(new ActivityTotals(1, r.participants(), r.beneficiaries(), r.funds(), r.materials(), domains));
		}
		return t;
	}

	static void assertTotals(String what, ActivityTotals shown, List<Raw> rows) {
		assertThat(shown.activities()).as(what + " activities").isEqualTo(rows.size());
		assertSameTotals(what, shown, totalsOf(rows));
	}

	static void assertSameTotals(String what, ActivityTotals shown, ActivityTotals expected) {
		assertThat(shown.activities()).as(what + " activities").isEqualTo(expected.activities());
		assertThat(shown.participants()).as(what + " participants").isEqualTo(expected.participants());
		assertThat(shown.beneficiaries()).as(what + " beneficiaries").isEqualTo(expected.beneficiaries());
		assertThat(shown.fundsYuan()).as(what + " funds").isEqualByComparingTo(expected.fundsYuan());
		assertThat(shown.materialsYuan()).as(what + " materials").isEqualByComparingTo(expected.materialsYuan());
		for (ServiceDomain d : ServiceDomain.values()) {
			assertThat(shown.byDomain().get(d)).as(what + " " + d).isEqualTo(expected.byDomain().get(d));
		}
	}

	void assertNetwork(String what, Coverage shown, String region) {
		assertThat(shown.centres()).as(what + " centres").isEqualTo(operating(region, "CENTRE"));
		assertThat(shown.stations()).as(what + " stations").isEqualTo(operating(region, "STATION"));
		assertThat(shown.rooms()).as(what + " rooms").isEqualTo(operating(region, "ROOM"));
		assertCoverage(what + " county coverage", shown.countyCoverage(), region, "CENTRE", 3);
		assertCoverage(what + " township coverage", shown.townshipCoverage(), region, "STATION", 4);
		assertCoverage(what + " village coverage", shown.villageCoverage(), region, "ROOM", 5);
	}

	/** The share of the regions of {@code level} in the subtree that have an operating site of {@code type}. */
	void assertCoverage(String what, Double shown, String region, String type, int level) {
		RegionCode code = RegionCode.parse(region);
		long all = code.level().number() == level ? 1
				: jdbc.sql("SELECT COUNT(*) FROM region WHERE level = :l AND code >= :lo AND code < :hi")
					.param("l", level)
					.param("lo", code.subtreeFrom())
					.param("hi", code.subtreeTo())
					.query(Long.class)
					.single();
		if (all == 0) {
			assertThat(shown).as(what).isNull();
			return;
		}
		long covered = jdbc.sql("""
				SELECT COUNT(DISTINCT region_code) FROM site
				WHERE site_type = :t AND status = 'OPERATING' AND region_code >= :lo AND region_code < :hi
				""").param("t", type).param("lo", code.subtreeFrom()).param("hi", code.subtreeTo())
			.query(Long.class)
			.single();
		assertThat(shown).as(what).isCloseTo((double) covered / all, org.assertj.core.data.Offset.offset(1e-12));
	}

	long operating(String region, String type) {
		RegionCode code = RegionCode.parse(region);
		return jdbc.sql("""
				SELECT COUNT(*) FROM site
				WHERE site_type = :t AND status = 'OPERATING' AND region_code >= :lo AND region_code < :hi
				""").param("t", type).param("lo", code.subtreeFrom()).param("hi", code.subtreeTo())
			.query(Long.class)
			.single();
	}

	/** Operating centres, stations and rooms on {@code region} itself. */
	long[] own(String region) {
		long[] n = new long[3];
		String[] types = { "CENTRE", "STATION", "ROOM" };
		for (int i = 0; i < 3; i++) {
			n[i] = jdbc.sql("SELECT COUNT(*) FROM site WHERE site_type = :t AND status = 'OPERATING' AND region_code = :r")
				.param("t", types[i])
				.param("r", region)
				.query(Long.class)
				.single();
		}
		return n;
	}

	/** The registry figures as the registries define them, counted from their rows. */
	ActorFigures.Counts registries(String region) {
		RegionCode code = RegionCode.parse(region);
		String lo = code.subtreeFrom();
		String hi = code.subtreeTo();
		long organizationsNow = count("SELECT COUNT(*) FROM organization WHERE status <> 'DEREGISTERED'", lo, hi);
		long agencies = count("SELECT COUNT(*) FROM organization WHERE status <> 'DEREGISTERED' AND kind = 'SOCIAL_WORK_AGENCY'", lo, hi);
		long workersNow = count("SELECT COUNT(*) FROM social_worker WHERE status <> 'LEFT'", lo, hi);
		long certified = count("SELECT COUNT(*) FROM social_worker WHERE status <> 'LEFT' AND qualification <> 'NONE'", lo, hi);
		long volunteersNow = count("SELECT COUNT(*) FROM volunteer WHERE status <> 'WITHDRAWN'", lo, hi);
		return new ActorFigures.Counts(organizationsNow, agencies, workersNow, certified, volunteersNow);
	}

	long count(String sql, String lo, String hi) {
		return jdbc.sql(sql + " AND region_code >= :lo AND region_code < :hi")
			.param("lo", lo)
			.param("hi", hi)
			.query(Long.class)
			.single();
	}

	long campaign(String name) {
		return campaigns.create(new RegionScope(RegionCode.parse("15")),
				new CampaignInput(null, "property-" + name + "-" + System.nanoTime(), "theme", "15", 2,
						year + "-01-01", year + "-12-31", List.of(year + "-12-31T17:00:00+08:00"), null, null, null,
						null, null, null, null),
				"test");
	}

	/** {@code n} of {@code codes} at random, in code order. */
	List<String> pick(List<String> codes, int n) {
		List<String> copy = new ArrayList<>(codes);
		java.util.Collections.shuffle(copy, random);
		return copy.subList(0, Math.min(n, copy.size())).stream().sorted().toList();
	}

}
