package org.wushe.volunteering;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.region.RegionCode;
import org.wushe.shared.tally.CalendarPeriods;
import org.wushe.shared.tally.CounterTable;

/**
 * 活跃志愿者: the distinct volunteers with confirmed hours in force in a calendar month, quarter or year, counted on
 * write so that any region's figure for such a period is a key look-up. {@code volunteering_active_month} keeps, per
 * volunteer, year, region served in and month, the number of records in force there; a change reads the volunteer's
 * rows of the year, and adds or takes 1 on each level of the region and each period (the month, its quarter, the year)
 * where the volunteer becomes active or stops being active. Callers hold the volunteer's total row lock (the
 * {@code service_hours_total} update of the same change), so two changes of one volunteer never interleave.
 */
@Component
class ActiveVolunteers {

	private record Month(String regionCode, int monthOf, int records) {
	}

	private final JdbcClient jdbc;

	private final CounterTable counts;

	ActiveVolunteers(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.counts = new CounterTable("volunteering_active_count", "volunteers", List.of("region_code", "period_key"),
				template);
	}

	/** One more ({@code +1}) or one fewer ({@code -1}) record in force of the volunteer on {@code region}, {@code day}. */
	void change(long volunteerId, String region, LocalDate day, int delta) {
		int year = day.getYear();
		int month = day.getMonthValue();
		List<Month> before = jdbc.sql("""
				SELECT region_code, month_of, records FROM volunteering_active_month
				WHERE volunteer_id = :v AND year_of = :y
				""").param("v", volunteerId).param("y", year).query(Month.class).list();
		Month own = before.stream().filter(m -> m.regionCode().equals(region) && m.monthOf() == month).findFirst()
			.orElse(null);
		int after = (own == null ? 0 : own.records()) + delta;
		if (after < 0) {
			throw new IllegalStateException("volunteer " + volunteerId + " has no record in force on " + region + " in "
					+ day.toString().substring(0, 7) + " to take away");
		}
		if (own == null) {
			jdbc.sql("""
					INSERT INTO volunteering_active_month (volunteer_id, year_of, region_code, month_of, records)
					VALUES (:v, :y, :r, :m, :n)
					""").param("v", volunteerId).param("y", year).param("r", region).param("m", month).param("n", after)
				.update();
		}
		else {
			jdbc.sql("""
					UPDATE volunteering_active_month SET records = :n
					WHERE volunteer_id = :v AND year_of = :y AND region_code = :r AND month_of = :m
					""").param("v", volunteerId).param("y", year).param("r", region).param("m", month).param("n", after)
				.update();
		}
		boolean wasHere = own != null && own.records() > 0;
		if (wasHere == after > 0) {
			return;
		}
		int sign = after > 0 ? 1 : -1;
		int quarterFirst = (month - 1) / 3 * 3 + 1;
		Map<CounterTable.Key, Long> deltas = new HashMap<>();
		for (RegionCode level : RegionCode.parse(region).path()) {
			// whether the volunteer stays active under this level in the month, the quarter and the year through a
			// record in force other than the one that changed
			boolean inMonth = false;
			boolean inQuarter = false;
			boolean inYear = false;
			for (Month m : before) {
				if (m.records() > 0 && !(m.regionCode().equals(region) && m.monthOf() == month)
						&& level.contains(RegionCode.parse(m.regionCode()))) {
					inYear = true;
					inQuarter |= m.monthOf() >= quarterFirst && m.monthOf() < quarterFirst + 3;
					inMonth |= m.monthOf() == month;
				}
			}
			if (!inMonth) {
				deltas.put(CounterTable.Key.of(level.value(), CalendarPeriods.month(day)), (long) sign);
			}
			if (!inQuarter) {
				deltas.put(CounterTable.Key.of(level.value(), CalendarPeriods.quarter(day)), (long) sign);
			}
			if (!inYear) {
				deltas.put(CounterTable.Key.of(level.value(), CalendarPeriods.year(day)), (long) sign);
			}
		}
		// with the other volunteering counters, before the dashboard's figure version moves
		counts.applyAtCommit(deltas, VolunteeringTally.ORDER);
	}

	/** The distinct active volunteers of {@code region}'s subtree in the calendar period {@code periodKey}. */
	long count(RegionCode region, String periodKey) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(volunteers), 0) FROM volunteering_active_count
				WHERE region_code = :r AND period_key = :k
				""").param("r", region.value()).param("k", periodKey).query(Long.class).single();
	}

}
