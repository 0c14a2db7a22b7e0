package org.wushe.care;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.shared.FiguresChanged;
import org.wushe.shared.tally.CalendarPeriods;

/**
 * 服务标记: one row per person and day served (visited, or given a case service) on the region served in, for the
 * distinct count over any range of days. The first mark of a person in a calendar month, quarter and year also counts
 * the person once in that period on each level of the region where the person was not yet counted
 * ({@code care_served_year} remembers the regions and months of the year per person), so the distinct persons served
 * in a calendar period are a key look-up. Callers hold the person's row lock, so the look-ups before the inserts
 * cannot race with another writer for the same person.
 */
@Component
@RequiredArgsConstructor
class ServedMarks {

	private final JdbcClient jdbc;

	private final CareTally tally;

	private final ApplicationEventPublisher events;

	void mark(long personId, String regionCode, LocalDate day) {
		int added = jdbc.sql("""
				INSERT INTO care_served (region_code, served_on, person_id)
				SELECT :region, :day, :person
				WHERE NOT EXISTS (SELECT 1 FROM care_served
				                  WHERE region_code = :region AND served_on = :day AND person_id = :person)
				""")
			.param("region", regionCode)
			.param("day", day)
			.param("person", personId)
			.update();
		if (added > 0) {
			countFirst(personId, RegionCode.parse(regionCode), day);
		}
		events.publishEvent(new FiguresChanged(FiguresChanged.Area.CARE));
	}

	private void countFirst(long personId, RegionCode region, LocalDate day) {
		record Year(String regionCode, int months) {
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		jdbc.sql("SELECT region_code, months FROM care_served_year WHERE person_id = :p AND year_of = :y")
			.param("p", personId)
			.param("y", day.getYear())
			.query(Year.class)
			.list()
			.forEach(y -> seen.put(y.regionCode(), y.months()));
		int month = 1 << (day.getMonthValue() - 1);
		int quarter = 7 << (3 * ((day.getMonthValue() - 1) / 3));
		for (RegionCode level : region.path()) {
			int covered = 0;
			boolean inYear = false;
			for (Map.Entry<String, Integer> e : seen.entrySet()) {
				if (level.contains(RegionCode.parse(e.getKey()))) {
					inYear = true;
					covered |= e.getValue();
				}
			}
			if (!inYear) {
				tally.served(level, CalendarPeriods.year(day), 1);
			}
			if ((covered & quarter) == 0) {
				tally.served(level, CalendarPeriods.quarter(day), 1);
			}
			if ((covered & month) == 0) {
				tally.served(level, CalendarPeriods.month(day), 1);
			}
		}
		Integer months = seen.get(region.value());
		if (months == null) {
			jdbc.sql("INSERT INTO care_served_year (person_id, year_of, region_code, months) VALUES (:p, :y, :r, :m)")
				.param("p", personId)
				.param("y", day.getYear())
				.param("r", region.value())
				.param("m", month)
				.update();
		}
		else if ((months & month) == 0) {
			jdbc.sql("UPDATE care_served_year SET months = :m WHERE person_id = :p AND year_of = :y AND region_code = :r")
				.param("p", personId)
				.param("y", day.getYear())
				.param("r", region.value())
				.param("m", months | month)
				.update();
		}
	}

}
