package org.wushe.care;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;

/**
 * 探访频次: the days between visits for a category and risk level. The country's rows (00) are the defaults; a
 * province's rows replace them for its regions, and a county's rows replace the province's, but may only be shorter.
 * A person with several categories is visited as often as the most frequent of them asks. The deepest table on the
 * region's path wins (the country's {@code 00} and a province's code are both two characters long).
 */
@Component
@RequiredArgsConstructor
public class VisitFrequencies {

	public static final int FALLBACK_DAYS = 90;

	/** A newly registered person is due a first visit within this many days. */
	static final int FIRST_VISIT_DAYS = 7;

	private final JdbcClient jdbc;

	/** The interval for a person of {@code categories} and {@code risk} registered on {@code region}. */
	int intervalDays(RegionCode region, List<String> categories, String risk) {
		if (categories.isEmpty()) {
			return FALLBACK_DAYS;
		}
		return inForce(region, categories, risk).values().stream().min(Comparator.naturalOrder()).orElse(FALLBACK_DAYS);
	}

	/**
	 * The whole table in force on {@code region} in one read: the days of each category and risk level, keyed
	 * {@code [category, risk]}; a pair without a row anywhere on the path is missing (then {@link #FALLBACK_DAYS}).
	 */
	public Map<List<String>, Integer> table(RegionCode region) {
		return inForce(region, null, null);
	}

	/** The deepest row on the region's path of each category and risk level, of those given ({@code null}: all). */
	private Map<List<String>, Integer> inForce(RegionCode region, List<String> categories, String risk) {
		record Interval(String regionCode, String categoryCode, String riskLevel, int intervalDays) {
		}
		List<String> path = region.path().stream().map(RegionCode::value).toList();
		Map<List<String>, Integer> depth = new HashMap<>();
		Map<List<String>, Integer> days = new HashMap<>();
		List<Interval> rows = jdbc.sql("""
				SELECT region_code, category_code, risk_level, interval_days FROM care_visit_frequency
				WHERE region_code IN (:path)
				""" + (categories == null ? "" : " AND risk_level = :risk AND category_code IN (:cats)"))
			.param("path", path)
			.param("risk", risk)
			.param("cats", categories == null ? List.of("") : categories)
			.query(Interval.class)
			.list();
		for (Interval row : rows) {
			List<String> key = List.of(row.categoryCode(), row.riskLevel());
			int at = path.indexOf(row.regionCode());
			if (!depth.containsKey(key) || depth.get(key) < at) {
				depth.put(key, at);
				days.put(key, row.intervalDays());
			}
		}
		return days;
	}

	/**
	 * Sets the interval of a province's or county's table; a county's may not be longer than the one it would inherit.
	 */
	public void set(RegionCode region, String category, String risk, int days) {
		FieldChecks c = new FieldChecks();
		if (region.level() != RegionLevel.PROVINCE && region.level() != RegionLevel.COUNTY) {
			c.add("regionCode", "care.frequency.level");
		}
		if (days < 1 || days > 366) {
			c.add("intervalDays", "actor.input.range", "1", "366");
		}
		c.throwIfAny();
		if (region.level() == RegionLevel.COUNTY) {
			int inherited = intervalDays(region.parent(), List.of(category), risk);
			if (days > inherited) {
				c.add("intervalDays", "care.frequency.county-longer", inherited);
				c.throwIfAny();
			}
		}
		int changed = jdbc.sql("""
				UPDATE care_visit_frequency SET interval_days = :days
				WHERE region_code = :region AND category_code = :cat AND risk_level = :risk
				""").param("days", days).param("region", region.value()).param("cat", category).param("risk", risk)
			.update();
		if (changed == 0) {
			jdbc.sql("""
					INSERT INTO care_visit_frequency (region_code, category_code, risk_level, interval_days)
					VALUES (:region, :cat, :risk, :days)
					""").param("days", days).param("region", region.value()).param("cat", category)
				.param("risk", risk)
				.update();
		}
	}

}
