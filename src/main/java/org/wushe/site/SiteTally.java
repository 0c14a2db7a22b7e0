package org.wushe.site;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.wushe.region.RegionCode;
import org.wushe.shared.FiguresChanged;
import org.wushe.shared.tally.CounterTable;

/**
 * Counts of sites per region subtree, type and status, changed in the same transaction as the site writes that
 * change them. Every site counts on its own region and on each ancestor up to the country ({@code 00}), so the
 * counts of any subtree — and so its coverage — are one key look-up, however large the subtree.
 * <p>
 * The rows are a {@link CounterTable}: created on first use, then only updated, in key order, inside the writer's
 * transaction.
 */
@Component
class SiteTally {

	/** One counter. */
	record Key(String region, SiteType type, SiteStatus status) {
	}

	/** Counts by type and status. */
	record Counts(Map<SiteType, Map<SiteStatus, Long>> byType) {

		static Counts empty() {
			return new Counts(new EnumMap<>(SiteType.class));
		}

		long of(SiteType type, SiteStatus status) {
			return byType.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
		}

		void add(SiteType type, SiteStatus status, long n) {
			byType.computeIfAbsent(type, t -> new EnumMap<>(SiteStatus.class)).merge(status, n, Long::sum);
		}

	}

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final CounterTable counters;

	private final ApplicationEventPublisher events;

	SiteTally(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.counters = new CounterTable("site_tally", "sites", List.of("region_code", "site_type", "status"),
				jdbcTemplate, transactions);
	}

	/** Adds {@code delta} sites of {@code type} and {@code status} on {@code region} and all its ancestors. */
	static void count(Map<Key, Integer> deltas, SiteType type, RegionCode region, SiteStatus status, int delta) {
		for (RegionCode a : region.path()) {
			deltas.merge(new Key(a.value(), type, status), delta, Integer::sum);
		}
	}

	/** Applies the deltas in the current transaction. */
	void apply(Map<Key, Integer> deltas) {
		Map<CounterTable.Key, Long> changes = new HashMap<>();
		deltas.forEach((k, d) -> changes.merge(CounterTable.Key.of(k.region(), k.type().name(), k.status().name()),
				(long) d, Long::sum));
		counters.apply(changes);
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.SITE));
	}

	/** The counts of the subtree of {@code region}. */
	Counts counts(RegionCode region) {
		return counts(List.of(region.value())).getOrDefault(region.value(), Counts.empty());
	}

	/** The counts of the subtrees of {@code regions}, by region code (absent when there are no sites). */
	Map<String, Counts> counts(Collection<String> regions) {
		record Line(String regionCode, SiteType siteType, SiteStatus status, long sites) {
		}
		Map<String, Counts> result = new HashMap<>();
		List<String> all = List.copyOf(regions);
		for (int i = 0; i < all.size(); i += CHUNK) {
			jdbc.sql("""
					SELECT region_code, site_type, status, sites FROM site_tally
					WHERE region_code IN (:codes) AND sites <> 0
					""")
				.param("codes", all.subList(i, Math.min(all.size(), i + CHUNK)))
				.query(Line.class)
				.list()
				.forEach(l -> result.computeIfAbsent(l.regionCode(), k -> Counts.empty())
					.add(l.siteType(), l.status(), l.sites()));
		}
		return result;
	}

	/**
	 * The counts recomputed from the site table, for checks and repairs: every site on its region and each ancestor.
	 */
	Counts recount(RegionCode region) {
		record Line(SiteType siteType, SiteStatus status, long sites) {
		}
		Counts c = Counts.empty();
		jdbc.sql("""
				SELECT site_type, status, COUNT(*) AS sites FROM site
				WHERE region_code >= :from AND region_code < :to
				GROUP BY site_type, status
				""")
			.param("from", region.subtreeFrom())
			.param("to", region.subtreeTo())
			.query(Line.class)
			.list()
			.forEach(l -> c.add(l.siteType(), l.status(), l.sites()));
		return c;
	}

}
