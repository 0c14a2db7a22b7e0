package org.wushe.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province's volunteers and their confirmed service hours, built on the PostgreSQL server with
 * {@code generate_series} and {@code INSERT … SELECT} (nothing goes through the network row by row), then what the
 * application keeps on write computed from those rows with the writers' definitions: each volunteer's total
 * ({@code service_hours_total}), the minutes per day on the region and every ancestor up to the country
 * ({@code volunteering_tally}), the projects per region, and the active volunteers per calendar period
 * ({@code volunteering_active_month}, {@code volunteering_active_count}).
 * <p>
 * Volunteer {@code g} (0-based) lives in the village {@code g mod villages} and serves there, in the project of its
 * county; record {@code j} is the {@code j / volunteers}-th record of volunteer {@code j mod volunteers}, 73 days
 * apart going back from yesterday (so no two records of a volunteer overlap or share a month), 60 to 150 minutes from
 * 09:00. Every record is confirmed. The personal data of every volunteer is the same ciphertext, taken from a
 * volunteer registered through the application, with a distinct ID hash and volunteer number.
 */
final class HoursDataset {

	/** Region code lengths of the levels under the country, whose code is {@code 00}. */
	private static final String LEVELS = "SELECT 0 AS l UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 6"
			+ " UNION ALL SELECT 9 UNION ALL SELECT 12";

	private final JdbcClient jdbc;

	private final String province;

	private final LocalDate today;

	private final List<String> log = new ArrayList<>();

	HoursDataset(JdbcClient jdbc, String province, LocalDate today) {
		this.jdbc = jdbc;
		this.province = province;
		this.today = today;
	}

	List<String> log() {
		return log;
	}

	long volunteers() {
		return jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE created_by = 'bench'").query(Long.class).single();
	}

	long records() {
		return jdbc.sql("SELECT COUNT(*) FROM service_hours WHERE recorded_by = 'bench'").query(Long.class).single();
	}

	/**
	 * Empties the volunteering tables and loads {@code volunteers} volunteers with {@code records} records, on the
	 * connection of {@code load} (one connection: its session settings stay on it).
	 *
	 * @param cipher the encrypted ID number every volunteer gets
	 * @param masked the masked ID number every volunteer gets
	 */
	void load(JdbcClient load, long volunteers, long records, String cipher, String masked) {
		BulkLoad bulk = new BulkLoad(load, log);
		bulk.step("empty the volunteering tables", """
				TRUNCATE service_hours, service_hours_total, volunteering_tally, volunteering_active_month,
				    volunteering_active_count, service_project, volunteer CASCADE
				""");
		long villages = bulk.villages(province);
		bulk.withoutSecondaryIndexes("volunteer", () -> bulk.step(String.format(Locale.ROOT, "%,d volunteers",
				volunteers), """
				INSERT INTO volunteer (id, volunteer_number, name, name_initials, id_number_cipher, id_number_hash,
				    id_number_masked, region_code, status, created_at, created_by, updated_at, updated_by)
				SELECT g + 1, 'B' || g, '志愿者' || g, 'zyz', '%s', md5(g::text), '%s', v.code, 'ACTIVE', now(), 'bench',
				    now(), 'bench'
				FROM generate_series(0::bigint, %d - 1) g JOIN bench_village v ON v.k = g %% %d
				""".formatted(cipher, masked, volunteers, villages)));
		bulk.step("one project per county", """
				INSERT INTO service_project (name, region_code, organizer_kind, organizer_id, start_date, end_date, place,
				    service_domain, places, recruiting, time_bank, created_at, created_by)
				SELECT '助老服务' || code, code, 'SITE', 1, DATE '%1$s' - 800, DATE '%1$s' + 30, '社区活动室', 'ELDERLY',
				    100000, FALSE, FALSE, now(), 'bench'
				FROM region WHERE level = 3 AND code >= '%2$s' AND code < '%3$s'
				""".formatted(today, province, CareDataset.next(province)));
		load.sql("CREATE TEMP TABLE bench_project AS SELECT region_code AS county, id FROM service_project").update();
		load.sql("ANALYZE bench_project").update();
		bulk.withoutSecondaryIndexes("service_hours", () -> bulk.step(String.format(Locale.ROOT, "%,d hour records",
				records), """
				INSERT INTO service_hours (id, project_id, volunteer_id, region_code, started_at, ended_at, minutes, content,
				    status, recorded_at, recorded_by, decided_at, decided_by)
				SELECT j + 1, p.id, (j %% %2$d) + 1, v.code, s.at, s.at + make_interval(mins => s.m), s.m, '助老服务',
				    'CONFIRMED', now(), 'bench', now(), 'bench'
				FROM generate_series(0::bigint, %3$d - 1) j
				JOIN bench_village v ON v.k = (j %% %2$d) %% %4$d
				JOIN bench_project p ON p.county = LEFT(v.code, 6)
				CROSS JOIN LATERAL (SELECT (DATE '%1$s' - 1 - ((j / %2$d) * 73 + (j %% %2$d) %% 73)::int) + TIME '09:00' AS at,
				    (60 + (j %% 4) * 30)::int AS m) s
				""".formatted(today, volunteers, records, villages)));
		bulk.withoutSecondaryIndexes("service_hours_total", () -> bulk.step("each volunteer's total", """
				INSERT INTO service_hours_total (volunteer_key, minutes)
				SELECT volunteer_id::text, SUM(minutes) FROM service_hours GROUP BY volunteer_id
				"""));
		bulk.withoutSecondaryIndexes("volunteering_tally", () -> {
			bulk.step("minutes per day, region and ancestor (volunteering_tally)", """
					INSERT INTO volunteering_tally (region_code, figure, day_key, amount)
					SELECT CASE WHEN l.l = 0 THEN '00' ELSE LEFT(t.region_code, l.l) END, 'MINUTES', t.day_key, SUM(t.n)
					FROM (SELECT region_code, TO_CHAR(started_at, 'YYYY-MM-DD') AS day_key, SUM(minutes) AS n
					      FROM service_hours GROUP BY region_code, TO_CHAR(started_at, 'YYYY-MM-DD')) t
					CROSS JOIN (%s) l
					GROUP BY 1, 3
					""".formatted(LEVELS));
			bulk.step("projects per region and ancestor", """
					INSERT INTO volunteering_tally (region_code, figure, day_key, amount)
					SELECT CASE WHEN l.l = 0 THEN '00' ELSE LEFT(p.region_code, l.l) END, 'PROJECTS', '', COUNT(*)
					FROM service_project p CROSS JOIN (%s) l
					WHERE l.l <= LENGTH(p.region_code)
					GROUP BY 1
					""".formatted(LEVELS));
		});
		// 73 days between a volunteer's records: one record per volunteer and month, so each record is one row
		bulk.withoutSecondaryIndexes("volunteering_active_month", () -> bulk.step(
				"records in force per volunteer, year, region and month (volunteering_active_month)", """
						INSERT INTO volunteering_active_month (volunteer_id, year_of, region_code, month_of, records)
						SELECT volunteer_id, EXTRACT(YEAR FROM started_at)::int, region_code,
						    EXTRACT(MONTH FROM started_at)::int, 1
						FROM service_hours
						"""));
		bulk.step("months active per volunteer, region and year", """
				CREATE TEMP TABLE bench_active_year AS
				SELECT volunteer_id, region_code, year_of, bit_or(1 << (month_of - 1)) AS months
				FROM volunteering_active_month GROUP BY 1, 2, 3
				""");
		// each volunteer serves in one village: the levels above add their villages' distinct counts exactly
		bulk.step("distinct active volunteers per calendar period, region and ancestor (volunteering_active_count)", """
				INSERT INTO volunteering_active_count (region_code, period_key, volunteers)
				SELECT CASE WHEN l.l = 0 THEN '00' ELSE LEFT(t.region_code, l.l) END, t.k, SUM(t.n)
				FROM (SELECT y.region_code, p.k, COUNT(*) AS n FROM bench_active_year y
				      CROSS JOIN LATERAL (
				          SELECT y.year_of::text AS k
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
		bulk.step("identity sequences", """
				SELECT setval(pg_get_serial_sequence('volunteer', 'id'), (SELECT MAX(id) FROM volunteer)),
				       setval(pg_get_serial_sequence('service_hours', 'id'), (SELECT MAX(id) FROM service_hours))
				""");
		bulk.step("ANALYZE", "ANALYZE volunteer, service_project, service_hours, service_hours_total, volunteering_tally,"
				+ " volunteering_active_month, volunteering_active_count");
		load.sql("DROP TABLE bench_village, bench_project, bench_active_year").update();
	}

	/** Table and index sizes of the volunteering tables. */
	String sizes() {
		return String.join("; ", jdbc.sql("""
				SELECT relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class
				WHERE relkind = 'r' AND relname IN ('volunteer', 'service_hours', 'service_hours_total', 'volunteering_tally',
				    'volunteering_active_month', 'volunteering_active_count') AND relnamespace = CAST(current_schema() AS regnamespace)
				ORDER BY pg_total_relation_size(oid) DESC
				""").query(String.class).list());
	}

}
