package org.wushe.actor.registry;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.wushe.region.RegionCode;
import org.wushe.shared.FiguresChanged;
import org.wushe.shared.tally.CounterTable;

/**
 * Registry entries per region subtree and {@link Category} ({@code actor_tally}), changed in the same transaction as
 * the registry writes: every counted entry counts on its region and on each ancestor up to the country, so the
 * figures of any subtree are one key look-up, however many entries it holds.
 * <p>
 * Writers report what a row counted as before and after their change ({@link #change}); the changes of one
 * transaction are summed in memory and applied just before it commits, in key order, so an import of many rows touches
 * each counter once and holds the counters' locks — the country's is shared by every registry writer — only for the
 * moment of its commit. Outside a transaction a change is applied at once.
 */
@Component
public class RegistryTally {

	/** What an entry counts as; the categories do not overlap. */
	public enum Category {
		/** A social organization that is not a social-work agency. */
		ORGANIZATION,
		/** 社会工作服务机构. */
		AGENCY,
		/** A social-work professional without a qualification. */
		WORKER,
		/** 持证社工. */
		CERTIFIED_WORKER,
		/** A registered volunteer. */
		VOLUNTEER
	}

	/** A counted entry: its category on its region. Not counted = {@code null}. */
	public record Counted(Category category, String regionCode) {
	}

	/** Applied before the figure version moves (which is ordered last), so counters are locked before it. */
	private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private final JdbcClient jdbc;

	private final CounterTable counters;

	private final ApplicationEventPublisher events;

	RegistryTally(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.counters = new CounterTable("actor_tally", "entries", List.of("region_code", "category"), jdbcTemplate,
				transactions);
	}

	/** One entry changed from {@code before} to {@code after}; either may be {@code null} (not counted). */
	public void change(Counted before, Counted after) {
		if (before != null && before.equals(after)) {
			return;
		}
		Map<CounterTable.Key, Long> deltas = new HashMap<>();
		add(deltas, before, -1);
		add(deltas, after, 1);
		counters.applyAtCommit(deltas, ORDER);
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.ACTOR));
	}

	/**
	 * Many new entries (imports); {@code null} elements are not counted. Entries of the same region and category are
	 * summed first, so each region's ancestors are counted once per batch rather than once per entry.
	 */
	public void added(Iterable<Counted> entries) {
		Map<Counted, Long> same = new HashMap<>();
		for (Counted c : entries) {
			if (c != null) {
				same.merge(c, 1L, Long::sum);
			}
		}
		Map<CounterTable.Key, Long> deltas = new HashMap<>();
		same.forEach((c, n) -> add(deltas, c, n));
		counters.applyAtCommit(deltas, ORDER);
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.ACTOR));
	}

	/** Adds {@code delta} entries of {@code c} on its region and on each ancestor; nothing for {@code null}. */
	private static void add(Map<CounterTable.Key, Long> deltas, Counted c, long delta) {
		if (c == null) {
			return;
		}
		for (RegionCode a : RegionCode.parse(c.regionCode()).path()) {
			deltas.merge(CounterTable.Key.of(a.value(), c.category().name()), delta, Long::sum);
		}
	}

	/** The counts of the subtree of {@code region}, by category (absent = 0). */
	public Map<Category, Long> counts(RegionCode region) {
		record Entry(Category category, long entries) {
		}
		Map<Category, Long> result = new EnumMap<>(Category.class);
		jdbc.sql("SELECT category, entries FROM actor_tally WHERE region_code = :code")
			.param("code", region.value())
			.query(Entry.class)
			.list()
			.forEach(e -> result.put(e.category(), e.entries()));
		return result;
	}

}
