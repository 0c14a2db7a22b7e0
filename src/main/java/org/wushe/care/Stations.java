package org.wushe.care;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;

/**
 * 下级站点进度: one row per region directly below a scope's root (the stations, when the root is a county or a
 * township) with persons registered, visits overdue, open cases and overdue case tasks, the most behind first.
 * Persons, open cases and visits overdue are key look-ups of the counters every write keeps (the same as
 * {@link CareFigures}); overdue case tasks apply the rules and limits of {@link Caseloads}. Records registered on the
 * root itself make a row of their own when there are any.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Stations {

	/** One station's figures; {@code own} = records registered on the root region itself. */
	public record Station(String regionCode, String regionName, boolean own, long persons, long visitsOverdue,
			long openCases, long overdueTasks) {

		/** How far behind: overdue visits plus overdue case tasks. */
		public long behind() {
			return visitsOverdue + overdueTasks;
		}

	}

	/** The rows, most behind first, and the root's own totals. */
	public record Summary(String regionCode, String regionName, List<Station> rows, Station total) {
	}

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Caseloads caseloads;

	private final PersonService persons;

	public Summary of(RegionScope scope) {
		RegionCode root = scope.root();
		String rootName = regions.get(root).name();
		List<Region> children = root.level() == RegionLevel.VILLAGE ? List.of() : regions.children(root);
		List<String> codes = new ArrayList<>();
		codes.add(root.value());
		children.forEach(c -> codes.add(c.code().value()));
		record Sum(String regionCode, String metric, long entries) {
		}
		record Due(String regionCode, long persons) {
		}
		Map<String, Map<String, Long>> tally = new HashMap<>();
		jdbc.sql("""
				SELECT region_code, metric, SUM(entries) AS entries FROM care_tally
				WHERE region_code IN (:codes) AND metric IN (:metrics) GROUP BY region_code, metric
				""")
			.param("codes", codes)
			.param("metrics", List.of(CareTally.PERSONS, CareTally.OPEN_CASES))
			.query(Sum.class)
			.list()
			.forEach(e -> tally.computeIfAbsent(e.regionCode(), k -> new HashMap<>()).put(e.metric(), e.entries()));
		Map<String, Long> overdue = new HashMap<>();
		jdbc.sql("""
				SELECT region_code, SUM(persons) AS persons FROM care_due
				WHERE region_code IN (:codes) AND due_on < :today GROUP BY region_code
				""")
			.param("codes", codes)
			.param("today", persons.today().toString())
			.query(Due.class)
			.list()
			.forEach(d -> overdue.put(d.regionCode(), d.persons()));
		// without children every task is the root's own: no code is 99 characters long
		int length = children.isEmpty() ? 99 : children.get(0).code().value().length();
		Map<String, Long> tasks = caseloads.overdueByPrefix(scope, length);
		Station total = row(root.value(), rootName, false, tally, overdue, tasks.values().stream()
			.mapToLong(Long::longValue)
			.sum());
		List<Station> rows = new ArrayList<>();
		for (Region c : children) {
			String code = c.code().value();
			rows.add(row(code, c.name(), false, tally, overdue, tasks.getOrDefault(code, 0L)));
		}
		Station own = new Station(root.value(), rootName, true,
				total.persons() - rows.stream().mapToLong(Station::persons).sum(),
				total.visitsOverdue() - rows.stream().mapToLong(Station::visitsOverdue).sum(),
				total.openCases() - rows.stream().mapToLong(Station::openCases).sum(),
				total.overdueTasks() - rows.stream().mapToLong(Station::overdueTasks).sum());
		if (own.persons() != 0 || own.visitsOverdue() != 0 || own.openCases() != 0 || own.overdueTasks() != 0) {
			rows.add(own);
		}
		rows.sort(Comparator.comparingLong(Station::behind)
			.reversed()
			.thenComparing(Comparator.comparingLong(Station::visitsOverdue).reversed())
			.thenComparing(Station::regionCode));
		return new Summary(root.value(), rootName, List.copyOf(rows), total);
	}

	private static Station row(String code, String name, boolean own, Map<String, Map<String, Long>> tally,
			Map<String, Long> overdue, long tasks) {
		Map<String, Long> t = tally.getOrDefault(code, Map.of());
		return new Station(code, name, own, t.getOrDefault(CareTally.PERSONS, 0L), overdue.getOrDefault(code, 0L),
				t.getOrDefault(CareTally.OPEN_CASES, 0L), tasks);
	}

}
