package org.wushe.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province's people served and their visits, built on the PostgreSQL server with {@code generate_series} and
 * {@code INSERT … SELECT} (nothing goes through the network row by row), then the counters the application keeps
 * ({@code care_tally}, {@code care_daily}, {@code care_due}) and the served marks ({@code care_served}) computed from
 * those rows with the same definitions as the transactional writer: each count on the region and on every ancestor up
 * to the country, one served mark per person and day.
 * <p>
 * Person {@code g} (0-based) lives in the village {@code g mod villages}; visit {@code j} is the
 * {@code j / persons}-th visit of person {@code j mod persons}, about every 73 days going back from yesterday, so that
 * the visits cover a little over two years. A quarter of the persons are overdue, the rest fall due within 90 days.
 */
final class CareDataset {

	static final String[] CATEGORIES = { "ELDER_ADVANCED_AGE", "ELDER_ALONE", "ELDER_EMPTY_NEST", "ELDER_LEFT_BEHIND",
			"ELDER_DISABLED", "CHILD_LEFT_BEHIND", "CHILD_IN_DIFFICULTY", "CHILD_ORPHAN", "CHILD_UNSUPPORTED",
			"DISABLED", "LOW_INCOME", "EXTREME_POVERTY", "MARGINAL" };

	/** Region code lengths of the levels under the country, whose code is {@code 00}. */
	private static final String LEVELS = "SELECT 0 AS l UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 6"
			+ " UNION ALL SELECT 9 UNION ALL SELECT 12";

	private final JdbcClient jdbc;

	private final String province;

	private final LocalDate today;

	private final List<String> log;

	CareDataset(JdbcClient jdbc, String province, LocalDate today) {
		this(jdbc, province, today, new ArrayList<>());
	}

	/** A data set whose load writes its steps to {@code log}. */
	CareDataset(JdbcClient jdbc, String province, LocalDate today, List<String> log) {
		this.jdbc = jdbc;
		this.province = province;
		this.today = today;
		this.log = log;
	}

	List<String> log() {
		return log;
	}

	long persons() {
		return jdbc.sql("SELECT COUNT(*) FROM care_person").query(Long.class).single();
	}

	long visits() {
		return jdbc.sql("SELECT COUNT(*) FROM care_visit").query(Long.class).single();
	}

	/** Empties the care tables and loads {@code persons} persons and {@code visits} visits. */
	void load(long persons, long visits) {
		step("empty the care tables", """
				TRUNCATE care_served, care_case_event, care_case, care_visit, care_person_history,
				    care_person_relative, care_person_category, care_person, care_tally, care_daily, care_monthly, care_due,
				    care_served_year, care_served_count CASCADE
				""");
		long villages = new BulkLoad(jdbc, log).villages(province);
		step(String.format(Locale.ROOT, "%,d persons", persons), """
				INSERT INTO care_person (id, region_code, name, gender, birth_date, risk_level, visit_interval_days,
				    registered_on, last_visit_on, next_due, created_at, created_by, updated_at, updated_by)
				SELECT g + 1, v.code, '对象' || g, CASE WHEN g %% 2 = 0 THEN 'MALE' ELSE 'FEMALE' END,
				    DATE '1935-01-01' + (g %% 20000)::int,
				    CASE g %% 3 WHEN 0 THEN 'LOW' WHEN 1 THEN 'MEDIUM' ELSE 'HIGH' END,
				    CASE WHEN g %% 4 = 0 THEN 30 ELSE 90 END, DATE '%1$s' - 900,
				    DATE '%1$s' + ((g * 7919) %% 120)::int - 30 - CASE WHEN g %% 4 = 0 THEN 30 ELSE 90 END,
				    DATE '%1$s' + ((g * 7919) %% 120)::int - 30, now(), 'bench', now(), 'bench'
				FROM generate_series(0::bigint, %2$d - 1) g JOIN bench_village v ON v.k = g %% %3$d
				""".formatted(today, persons, villages));
		step("categories", """
				INSERT INTO care_person_category (person_id, category_code)
				SELECT id, (ARRAY['%s'])[1 + ((id - 1) %% 13)::int] FROM care_person
				UNION ALL
				SELECT id, 'LOW_INCOME' FROM care_person WHERE (id - 1) %% 5 = 0 AND (id - 1) %% 13 <> 10
				""".formatted(String.join("','", CATEGORIES)));
		withoutSecondaryIndexes("care_visit", () -> step(String.format(Locale.ROOT, "%,d visits", visits), """
				INSERT INTO care_visit (id, person_id, region_code, visit_date, way, follow_up, alert_open, created_at,
				    created_by)
				SELECT j + 1, (j %% %2$d) + 1, v.code,
				    DATE '%1$s' - 1 - ((j / %2$d) * 73 + (j %% %2$d) %% 73)::int,
				    'HOME', 'NONE', FALSE, now(), 'bench'
				FROM generate_series(0::bigint, %3$d - 1) j JOIN bench_village v ON v.k = (j %% %2$d) %% %4$d
				""".formatted(today, persons, visits, villages)));
		withoutSecondaryIndexes("care_served", () -> step("served marks (one per person and day)", """
				INSERT INTO care_served (region_code, served_on, person_id)
				SELECT region_code, visit_date, person_id FROM care_visit
				"""));
		step("persons and categories per region and ancestor (care_tally)", """
				INSERT INTO care_tally (region_code, metric, stripe, entries)
				SELECT CASE WHEN l.l = 0 THEN '00' ELSE LEFT(t.region_code, l.l) END, t.metric, 0, SUM(t.n)
				FROM (SELECT region_code, 'PERSONS' AS metric, COUNT(*) AS n FROM care_person GROUP BY region_code
				      UNION ALL
				      SELECT p.region_code, 'CATEGORY:' || c.category_code, COUNT(*) FROM care_person p
				      JOIN care_person_category c ON c.person_id = p.id GROUP BY p.region_code, c.category_code) t
				CROSS JOIN (%s) l
				GROUP BY 1, 2
				""".formatted(LEVELS));
		withoutSecondaryIndexes("care_daily", () -> step("visits per day, region and ancestor (care_daily)", """
				INSERT INTO care_daily (region_code, metric, day_on, stripe, entries)
				SELECT CASE WHEN l.l = 0 THEN '00' ELSE LEFT(t.region_code, l.l) END, 'VISITS', t.day_on, 0, SUM(t.n)
				FROM (SELECT region_code, TO_CHAR(visit_date, 'YYYY-MM-DD') AS day_on, COUNT(*) AS n FROM care_visit
				      GROUP BY region_code, visit_date) t
				CROSS JOIN (%s) l
				GROUP BY 1, 3
				""".formatted(LEVELS)));
		step("visits per month, region and ancestor (care_monthly, from care_daily)", """
				INSERT INTO care_monthly (region_code, metric, month_on, stripe, entries)
				SELECT region_code, metric, SUBSTRING(day_on, 1, 7), stripe, SUM(entries) FROM care_daily
				GROUP BY region_code, metric, SUBSTRING(day_on, 1, 7), stripe
				""");
		step("persons per next due date, region and ancestor (care_due)", """
				INSERT INTO care_due (region_code, due_on, stripe, persons)
				SELECT CASE WHEN l.l = 0 THEN '00' ELSE LEFT(t.region_code, l.l) END, t.due_on, 0, SUM(t.n)
				FROM (SELECT region_code, TO_CHAR(next_due, 'YYYY-MM-DD') AS due_on, COUNT(*) AS n FROM care_person
				      GROUP BY region_code, next_due) t
				CROSS JOIN (%s) l
				GROUP BY 1, 2
				""".formatted(LEVELS));
		withoutSecondaryIndexes("care_served_year", () -> step("months served per person and year (care_served_year)", """
				INSERT INTO care_served_year (person_id, year_of, region_code, months)
				SELECT person_id, EXTRACT(YEAR FROM served_on)::int, region_code,
				    bit_or(1 << (EXTRACT(MONTH FROM served_on)::int - 1))
				FROM care_served GROUP BY 1, 2, 3
				"""));
		// From care_served_year (one row per person, year and region, a bit per month): the rows of a village and
		// period are its distinct persons; the levels above add their villages, which is exact because a person of this
		// data set never moves (the reads check every figure they time against COUNT(DISTINCT) over the marks).
		step("distinct persons served per calendar period, region and ancestor (care_served_count)", """
				INSERT INTO care_served_count (region_code, period_key, stripe, persons)
				SELECT CASE WHEN l.l = 0 THEN '00' ELSE LEFT(t.region_code, l.l) END, t.k, 0, SUM(t.n)
				FROM (SELECT y.region_code, p.k, COUNT(*) AS n FROM care_served_year y
				      CROSS JOIN LATERAL (
				          SELECT y.year_of::text AS k WHERE y.months <> 0
				          UNION ALL
				          SELECT y.year_of || '-Q' || q FROM generate_series(1, 4) q
				          WHERE y.months & (7 << (3 * (q - 1))) <> 0
				          UNION ALL
				          SELECT y.year_of || '-' || LPAD(m::text, 2, '0') FROM generate_series(1, 12) m
				          WHERE y.months & (1 << (m - 1)) <> 0) p
				      GROUP BY 1, 2) t
				CROSS JOIN (%s) l
				GROUP BY 1, 2
				""".formatted(LEVELS));
		step("identity sequences", """
				SELECT setval(pg_get_serial_sequence('care_person', 'id'), (SELECT MAX(id) FROM care_person)),
				       setval(pg_get_serial_sequence('care_visit', 'id'), (SELECT MAX(id) FROM care_visit))
				""");
		step("ANALYZE", "ANALYZE care_person, care_person_category, care_visit, care_served, care_tally, care_daily, care_monthly,"
				+ " care_due,"
				+ " care_served_year, care_served_count");
		jdbc.sql("DROP TABLE bench_village").update();
	}

	/** Table and index sizes of the care tables. */
	String sizes() {
		return String.join("; ", jdbc.sql("""
				SELECT relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class
				WHERE relkind = 'r' AND relname IN ('care_person', 'care_visit', 'care_served', 'care_tally', 'care_daily', 'care_monthly',
				    'care_due', 'care_person_category', 'care_served_year', 'care_served_count')
				ORDER BY pg_total_relation_size(oid) DESC
				""").query(String.class).list());
	}

	private void step(String what, String sql) {
		new BulkLoad(jdbc, log).step(what, sql);
	}

	private void withoutSecondaryIndexes(String table, Runnable load) {
		new BulkLoad(jdbc, log).withoutSecondaryIndexes(table, load);
	}

	static String next(String code) {
		return String.valueOf(Long.parseLong(code) + 1);
	}

}
