package org.wushe.care;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.region.RegionCode;
import org.wushe.shared.tally.CalendarPeriods;

/**
 * The care module's public API for figures, exact at the moment of the read. Persons, categories and cases are key
 * look-ups of the counters every write keeps; visits and referrals sum the month counters of the period's whole months
 * and the day counters of the days around them; overdue sums the due-date counters before today. Distinct persons
 * served in a calendar month, quarter or year is a key look-up of the counts kept on write ({@link ServedMarks}); over any other range of days it is COUNT(DISTINCT) over the
 * per-person-per-day served marks of the subtree and range (one index range; its cost grows with the marks in it).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CareFigures {

	/** Bounds of an empty range of month or day keys: no key is both at least {@code "9"} and at most {@code "0"}. */
	private static final String NO_KEY_FROM = "9";

	private static final String NO_KEY_TO = "0";

	/** The care figures of one subtree and period. */
	public record Counts(long persons, long personsServed, long visits, long visitsOverdue, long openCases,
			long closedCases, long referrals, Map<String, Long> byCategory) {

		public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, Map.of());

	}

	/** One counter summed over its rows. */
	private record Sum(String metric, long entries) {
	}

	private final JdbcClient jdbc;

	private final CareCategories categories;

	public Counts counts(RegionCode region, LocalDate from, LocalDate to, LocalDate today) {
		Map<String, Long> tally = new LinkedHashMap<>();
		jdbc.sql("SELECT metric, SUM(entries) AS entries FROM care_tally WHERE region_code = :r GROUP BY metric")
			.param("r", region.value())
			.query(Sum.class)
			.list()
			.forEach(e -> tally.put(e.metric(), e.entries()));
		Map<String, Long> daily = new LinkedHashMap<>();
		// whole months from the month rows, the days before the first and after the last whole month from the day rows
		LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate lastWhole = to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to : to.withDayOfMonth(1).minusDays(1);
		boolean months = !firstWhole.isAfter(lastWhole);
		jdbc.sql("""
				SELECT metric, SUM(entries) AS entries FROM (
				    SELECT metric, entries FROM care_monthly
				    WHERE region_code = :r AND month_on >= :mf AND month_on <= :mt
				    UNION ALL
				    SELECT metric, entries FROM care_daily
				    WHERE region_code = :r AND ((day_on >= :af AND day_on <= :at) OR (day_on >= :bf AND day_on <= :bt))
				) c GROUP BY metric
				""")
			.param("r", region.value())
			.param("mf", months ? CalendarPeriods.month(firstWhole) : NO_KEY_FROM)
			.param("mt", months ? CalendarPeriods.month(lastWhole) : NO_KEY_TO)
			.param("af", from.toString())
			.param("at", months ? firstWhole.minusDays(1).toString() : to.toString())
			.param("bf", months ? lastWhole.plusDays(1).toString() : NO_KEY_FROM)
			.param("bt", months ? to.toString() : NO_KEY_TO)
			.query(Sum.class)
			.list()
			.forEach(e -> daily.put(e.metric(), e.entries()));
		long overdue = jdbc.sql("SELECT COALESCE(SUM(persons), 0) FROM care_due WHERE region_code = :r AND due_on < :today")
			.param("r", region.value())
			.param("today", today.toString())
			.query(Long.class)
			.single();
		long served = served(region, from, to, today);
		Map<String, Long> byCategory = new LinkedHashMap<>();
		for (CareCategories.Category c : categories.all()) {
			byCategory.put(c.code(), tally.getOrDefault(CareTally.category(c.code()), 0L));
		}
		return new Counts(tally.getOrDefault(CareTally.PERSONS, 0L), served, daily.getOrDefault(CareTally.VISITS, 0L),
				overdue, tally.getOrDefault(CareTally.OPEN_CASES, 0L), tally.getOrDefault(CareTally.CLOSED_CASES, 0L),
				daily.getOrDefault(CareTally.REFERRALS, 0L), byCategory);
	}

	private long served(RegionCode region, LocalDate from, LocalDate to, LocalDate today) {
		String period = CalendarPeriods.of(from, to, today);
		if (period != null) {
			return jdbc.sql("SELECT COALESCE(SUM(persons), 0) FROM care_served_count WHERE region_code = :r AND period_key = :k")
				.param("r", region.value())
				.param("k", period)
				.query(Long.class)
				.single();
		}
		return distinctServed(region, from, to);
	}

	/**
	 * The exact distinct persons served over any range of days: COUNT(DISTINCT) over the per-person-per-day served
	 * marks of the subtree and range. Its cost grows with the marks in the range (about 1 µs each); the dashboard's
	 * calendar periods never take this path.
	 */
	long distinctServed(RegionCode region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT person_id) FROM care_served
				WHERE region_code >= :rf AND region_code < :rt AND served_on >= :from AND served_on <= :to
				""")
			.param("rf", region.subtreeFrom())
			.param("rt", region.subtreeTo())
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

	/** The same figures recomputed from the raw rows (persons, visits, cases, events), for checks. */
	public Counts recount(RegionCode region, LocalDate from, LocalDate to, LocalDate today) {
		String rf = region.subtreeFrom();
		String rt = region.subtreeTo();
		long persons = one("SELECT COUNT(*) FROM care_person WHERE region_code >= :rf AND region_code < :rt", rf, rt,
				from, to, today);
		long overdue = one("""
				SELECT COUNT(*) FROM care_person WHERE region_code >= :rf AND region_code < :rt AND next_due < :today
				""", rf, rt, from, to, today);
		long visits = one("""
				SELECT COUNT(*) FROM care_visit
				WHERE region_code >= :rf AND region_code < :rt AND visit_date >= :from AND visit_date <= :to
				""", rf, rt, from, to, today);
		long served = one("""
				SELECT COUNT(DISTINCT person_id) FROM (
				    SELECT person_id FROM care_visit
				    WHERE region_code >= :rf AND region_code < :rt AND visit_date >= :from AND visit_date <= :to
				    UNION ALL
				    SELECT c.person_id FROM care_case_event e JOIN care_case c ON c.id = e.case_id
				    WHERE e.action = 'SERVICE' AND c.region_code >= :rf AND c.region_code < :rt
				      AND e.event_date >= :from AND e.event_date <= :to
				) s
				""", rf, rt, from, to, today);
		long open = one("""
				SELECT COUNT(*) FROM care_case WHERE region_code >= :rf AND region_code < :rt AND stage <> 'CLOSED'
				""", rf, rt, from, to, today);
		long closed = one("""
				SELECT COUNT(*) FROM care_case WHERE region_code >= :rf AND region_code < :rt AND stage = 'CLOSED'
				""", rf, rt, from, to, today);
		long referrals = one("""
				SELECT COUNT(*) FROM care_case_event e JOIN care_case c ON c.id = e.case_id
				WHERE e.action = 'REFERRAL'
				  AND c.region_code >= :rf AND c.region_code < :rt AND e.event_date >= :from AND e.event_date <= :to
				""", rf, rt, from, to, today);
		Map<String, Long> byCategory = new LinkedHashMap<>();
		for (CareCategories.Category c : categories.all()) {
			byCategory.put(c.code(), jdbc.sql("""
					SELECT COUNT(*) FROM care_person p JOIN care_person_category pc ON pc.person_id = p.id
					WHERE p.region_code >= :rf AND p.region_code < :rt AND pc.category_code = :c
					""").param("rf", rf).param("rt", rt).param("c", c.code()).query(Long.class).single());
		}
		return new Counts(persons, served, visits, overdue, open, closed, referrals, byCategory);
	}

	private long one(String sql, String rf, String rt, LocalDate from, LocalDate to, LocalDate today) {
		var spec = jdbc.sql(sql).param("rf", rf).param("rt", rt);
		if (sql.contains(":from")) {
			spec = spec.param("from", from).param("to", to);
		}
		if (sql.contains(":today")) {
			spec = spec.param("today", today);
		}
		return spec.query(Long.class).single();
	}

}
