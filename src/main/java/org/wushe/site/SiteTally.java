package org.wushe.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.region.RegionCode;

/**
 * Counts of sites per region subtree, type and status, changed in the same transaction as the site writes that
 * change them. Every site counts on its own region and on each ancestor up to the country ({@code 00}), so the
 * counts of any subtree — and so its coverage — are one key look-up, however large the subtree.
 * <p>
 * Rows are created on first use in a short transaction of their own (a concurrent creator just finds the row), and
 * then only ever updated, in key order, inside the writer's transaction: concurrent writers serialize on the rows
 * they share instead of failing on inserts.
 */
@Component
class SiteTally {

	/** One counter. */
	record Key(String region, SiteType type, SiteStatus status) implements Comparable<Key> {

		@Override
		public int compareTo(Key o) {
			int c = region.compareTo(o.region);
			if (c == 0) {
				c = type.compareTo(o.type);
			}
			return c == 0 ? status.compareTo(o.status) : c;
		}

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

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate ownTransaction;

	SiteTally(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Adds {@code delta} sites of {@code type} and {@code status} on {@code region} and all its ancestors. */
	static void count(Map<Key, Integer> deltas, SiteType type, RegionCode region, SiteStatus status, int delta) {
		for (RegionCode a : region.ancestors()) {
			deltas.merge(new Key(a.value(), type, status), delta, Integer::sum);
		}
		deltas.merge(new Key(region.value(), type, status), delta, Integer::sum);
	}

	/** Applies the deltas in the current transaction. */
	void apply(Map<Key, Integer> deltas) {
		TreeMap<Key, Integer> changes = new TreeMap<>();
		deltas.forEach((k, d) -> {
			if (d != 0) {
				changes.put(k, d);
			}
		});
		if (changes.isEmpty()) {
			return;
		}
		ensureRows(changes.keySet());
		List<Object[]> updates = new ArrayList<>(changes.size());
		changes.forEach((k, d) -> updates.add(new Object[] { d, k.region(), k.type().name(), k.status().name() }));
		jdbcTemplate.batchUpdate(
				"UPDATE site_tally SET sites = sites + ? WHERE region_code = ? AND site_type = ? AND status = ?",
				updates);
	}

	private void ensureRows(Set<Key> keys) {
		Set<Key> missing = new HashSet<>(keys);
		List<String> regions = keys.stream().map(Key::region).distinct().toList();
		for (int i = 0; i < regions.size(); i += CHUNK) {
			jdbc.sql("SELECT region_code, site_type, status FROM site_tally WHERE region_code IN (:codes)")
				.param("codes", regions.subList(i, Math.min(regions.size(), i + CHUNK)))
				.query((rs, n) -> new Key(rs.getString(1), SiteType.valueOf(rs.getString(2)),
						SiteStatus.valueOf(rs.getString(3))))
				.list()
				.forEach(missing::remove);
		}
		if (missing.isEmpty()) {
			return;
		}
		List<Object[]> rows = missing.stream()
			.sorted()
			.map(k -> new Object[] { k.region(), k.type().name(), k.status().name() })
			.toList();
		String insert = "INSERT INTO site_tally (region_code, site_type, status, sites) VALUES (?, ?, ?, 0)";
		try {
			ownTransaction.executeWithoutResult(s -> jdbcTemplate.batchUpdate(insert, rows));
		}
		catch (DuplicateKeyException raced) {
			// someone created some of them meanwhile: create the rest one by one
			for (Object[] row : rows) {
				try {
					ownTransaction.executeWithoutResult(s -> jdbcTemplate.update(insert, row));
				}
				catch (DuplicateKeyException exists) {
					// fine: it is there now
				}
			}
		}
	}

	/** The counts of the subtree of {@code region}. */
	Counts counts(RegionCode region) {
		return counts(List.of(region.value())).getOrDefault(region.value(), Counts.empty());
	}

	/** The counts of the subtrees of {@code regions}, by region code (absent when there are no sites). */
	Map<String, Counts> counts(Collection<String> regions) {
		Map<String, Counts> result = new HashMap<>();
		List<String> all = List.copyOf(regions);
		for (int i = 0; i < all.size(); i += CHUNK) {
			jdbc.sql("""
					SELECT region_code, site_type, status, sites FROM site_tally
					WHERE region_code IN (:codes) AND sites <> 0
					""")
				.param("codes", all.subList(i, Math.min(all.size(), i + CHUNK)))
				.query((rs, n) -> {
					result.computeIfAbsent(rs.getString(1), k -> Counts.empty())
						.add(SiteType.valueOf(rs.getString(2)), SiteStatus.valueOf(rs.getString(3)), rs.getLong(4));
					return null;
				})
				.list();
		}
		return result;
	}

	/**
	 * The counts recomputed from the site table, for checks and repairs: every site on its region and each ancestor.
	 */
	Counts recount(RegionCode region) {
		Counts c = Counts.empty();
		jdbc.sql("""
				SELECT site_type, status, COUNT(*) FROM site
				WHERE region_code >= :from AND region_code < :to
				GROUP BY site_type, status
				""")
			.param("from", region.subtreeFrom())
			.param("to", region.subtreeTo())
			.query((rs, n) -> {
				c.add(SiteType.valueOf(rs.getString(1)), SiteStatus.valueOf(rs.getString(2)), rs.getLong(3));
				return null;
			})
			.list();
		return c;
	}

}
