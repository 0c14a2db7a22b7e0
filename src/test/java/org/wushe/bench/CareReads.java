package org.wushe.bench;

import static org.wushe.bench.BenchReport.line;
import static org.wushe.bench.BenchReport.load;
import static org.wushe.bench.BenchReport.ms;
import static org.wushe.bench.BenchReport.pct;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.access.CurrentUser;
import org.wushe.care.CareFigures;
import org.wushe.care.PersonService;
import org.wushe.care.Visits;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/** The read side of {@link CareBenchmark}: due lists, figures per level and period, and their query plans. */
final class CareReads {

	/** Level number in the region table → name, from the province down. */
	private static final String[] LEVEL_NAMES = { "country", "province", "prefecture", "county", "township", "village" };

	private final Visits visits;

	private final CareFigures figures;

	private final PersonService persons;

	private final JdbcClient jdbc;

	private final CurrentUser user;

	private final String province;

	private final LocalDate today;

	private final int samples;

	/** How many figures of each level and period above the county are checked against COUNT(DISTINCT) (and timed). */
	private int checks = Integer.MAX_VALUE;

	private final StringBuilder report;

	private final Random random = new Random(20231);

	private final long maxPerson;

	CareReads(Visits visits, CareFigures figures, PersonService persons, JdbcClient jdbc, CurrentUser user,
			String province, LocalDate today, int samples, StringBuilder report) {
		this.visits = visits;
		this.figures = figures;
		this.persons = persons;
		this.jdbc = jdbc;
		this.user = user;
		this.province = province;
		this.today = today;
		this.samples = samples;
		this.report = report;
		this.maxPerson = jdbc.sql("SELECT MAX(id) FROM care_person").query(Long.class).single();
	}

	/**
	 * Checks (and times) the distinct count of only the first {@code checks} figures of each level and period above
	 * the county, whose COUNT(DISTINCT) reads millions of marks; below, every figure is checked.
	 */
	CareReads checks(int checks) {
		this.checks = Math.max(1, checks);
		return this;
	}

	private List<String> regions(int level) {
		if (level == 0) {
			return List.of("00");
		}
		RegionCode p = RegionCode.parse(province);
		return jdbc.sql("SELECT code FROM region WHERE level = :l AND code >= :f AND code < :t ORDER BY code")
			.param("l", level).param("f", p.subtreeFrom()).param("t", p.subtreeTo())
			.query(String.class).list();
	}

	/** One primary-key read of a person through the service: the same-run baseline. */
	private long baseline() {
		long t0 = System.nanoTime();
		persons.get(user.scope(), 1 + (long) (random.nextDouble() * maxPerson));
		return System.nanoTime() - t0;
	}

	void dueLists() {
		line(report, "");
		line(report, "## Due lists through Visits.due (overdue + due within 7 days, at most 5,000 rows; load average "
				+ load() + ")");
		line(report, "");
		line(report, "| station level | samples | rows p50 | p50 | p95 | p99 | baseline PK read p50 / p95 | ratio p95 / baseline p95 |");
		line(report, "|---|---|---|---|---|---|---|---|");
		for (int level : new int[] { 4, 3 }) {
			List<String> codes = regions(level);
			long[] t = new long[samples];
			long[] b = new long[samples];
			long[] rows = new long[samples];
			for (int i = 0; i < samples + 20; i++) {
				RegionCode code = RegionCode.parse(codes.get(random.nextInt(codes.size())));
				long t0 = System.nanoTime();
				int n = visits.due(new RegionScope(code), 7, 5000).size();
				long d = System.nanoTime() - t0;
				long base = baseline();
				if (i >= 20) {
					t[i - 20] = d;
					b[i - 20] = base;
					rows[i - 20] = n;
				}
			}
			java.util.Arrays.sort(t);
			java.util.Arrays.sort(b);
			java.util.Arrays.sort(rows);
			line(report, String.format(Locale.ROOT, "| %s (%,d) | %d | %d | %s | **%s** | %s | %s / %s | %.1f× |",
					LEVEL_NAMES[level], codes.size(), samples, rows[rows.length / 2], ms(pct(t, 50)), ms(pct(t, 95)),
					ms(pct(t, 99)), ms(pct(b, 50)), ms(pct(b, 95)), (double) pct(t, 95) / Math.max(1, pct(b, 95))));
		}
	}

	void figures() {
		line(report, "");
		line(report, "## Care figures through CareFigures.counts (all figures of the dashboard's care section; load average "
				+ load() + ")");
		line(report, "");
		line(report, "Random regions of each level and random calendar periods within the last two years. Persons served "
				+ "of a calendar period is a key look-up of the counts kept on write, checked here against the exact "
				+ "COUNT(DISTINCT) over care_served of the same range; the last columns time that distinct count alone "
				+ "(what a non-calendar range of the same span costs), with the number of served marks it reads.");
		line(report, "");
		line(report, "| level | period | samples | counts p50 | p95 | p99 | baseline PK read p50 / p95 | ratio p95 | distinct alone p50 / p95 | marks read p50 |");
		line(report, "|---|---|---|---|---|---|---|---|---|---|");
		for (int level = 0; level <= 5; level++) {
			List<String> codes = regions(level);
			for (String period : List.of("month", "quarter", "year")) {
				int n = level <= 1 ? Math.max(10, samples / 10) : samples;
				long[] t = new long[n];
				long[] b = new long[n];
				long[] d = new long[n];
				long[] marks = new long[n];
				java.util.Arrays.fill(marks, -1);
				// first every figure with its baseline, then the distinct counts that check them (a distinct count over
				// a large subtree reads millions of marks; timed between the figures it would evict what they read)
				RegionCode[] drawn = new RegionCode[n + 3];
				LocalDate[][] spans = new LocalDate[n + 3][];
				long[] counted = new long[n + 3];
				for (int i = 0; i < n + 3; i++) {
					drawn[i] = RegionCode.parse(codes.get(random.nextInt(codes.size())));
					spans[i] = period(period);
					long t0 = System.nanoTime();
					counted[i] = figures.counts(drawn[i], spans[i][0], spans[i][1], today).personsServed();
					long took = System.nanoTime() - t0;
					long base = baseline();
					if (i >= 3) {
						t[i - 3] = took;
						b[i - 3] = base;
					}
				}
				int checked = level <= 2 ? Math.min(n + 3, checks + 3) : n + 3;
				d = new long[checked - 3];
				for (int i = 0; i < checked; i++) {
					long t1 = System.nanoTime();
					long served = served(drawn[i], spans[i]);
					long distinct = System.nanoTime() - t1;
					if (i >= 3) {
						d[i - 3] = distinct;
						marks[i - 3] = level >= 3 || i < 6 ? marks(drawn[i], spans[i]) : -1;
					}
					if (counted[i] != served) {
						throw new IllegalStateException("persons served of " + drawn[i] + " " + spans[i][0] + ".."
								+ spans[i][1] + ": " + counted[i] + " counted, " + served + " distinct in the marks");
					}
				}
				java.util.Arrays.sort(t);
				java.util.Arrays.sort(b);
				java.util.Arrays.sort(d);
				long[] m = java.util.Arrays.stream(marks).filter(x -> x >= 0).sorted().toArray();
				line(report, String.format(Locale.ROOT, "| %s | %s | %d | %s | **%s** | %s | %s / %s | %.0f× | %s / %s | %,d |",
						LEVEL_NAMES[level], period, n, ms(pct(t, 50)), ms(pct(t, 95)), ms(pct(t, 99)), ms(pct(b, 50)),
						ms(pct(b, 95)), (double) pct(t, 95) / Math.max(1, pct(b, 95)), ms(pct(d, 50)), ms(pct(d, 95)) + (d.length < n ? " (" + d.length + " checked)" : ""),
						m.length == 0 ? 0 : m[m.length / 2]));
			}
		}
	}

	/** The same COUNT(DISTINCT) as CareFigures, alone. */
	private long served(RegionCode code, LocalDate[] p) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT person_id) FROM care_served
				WHERE region_code >= :rf AND region_code < :rt AND served_on >= :from AND served_on <= :to
				""").param("rf", code.subtreeFrom()).param("rt", code.subtreeTo()).param("from", p[0]).param("to", p[1])
			.query(Long.class).single();
	}

	private long marks(RegionCode code, LocalDate[] p) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM care_served
				WHERE region_code >= :rf AND region_code < :rt AND served_on >= :from AND served_on <= :to
				""").param("rf", code.subtreeFrom()).param("rt", code.subtreeTo()).param("from", p[0]).param("to", p[1])
			.query(Long.class).single();
	}

	private LocalDate[] period(String kind) {
		LocalDate start = today.minusYears(2).withDayOfMonth(1);
		return switch (kind) {
			case "month" -> {
				LocalDate f = start.plusMonths(random.nextInt(24));
				yield new LocalDate[] { f, f.plusMonths(1).minusDays(1) };
			}
			case "quarter" -> {
				LocalDate q = LocalDate.of(today.getYear() - 2 + random.nextInt(2), 1 + 3 * random.nextInt(4), 1);
				yield new LocalDate[] { q, q.plusMonths(3).minusDays(1) };
			}
			default -> {
				LocalDate y = LocalDate.of(today.getYear() - 1 - random.nextInt(2), 1, 1);
				yield new LocalDate[] { y, y.plusYears(1).minusDays(1) };
			}
		};
	}

	/** The plans of the slowest shapes, for the report. */
	void explain() {
		RegionCode p = RegionCode.parse(province);
		LocalDate y = LocalDate.of(today.getYear() - 1, 1, 1);
		String township = regions(4).get(0);
		RegionCode t = RegionCode.parse(township);
		plan("Distinct persons served, province " + province + ", year " + y.getYear(), """
				EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(DISTINCT person_id) FROM care_served
				WHERE region_code >= '%s' AND region_code < '%s' AND served_on >= DATE '%s' AND served_on <= DATE '%s'
				""".formatted(p.subtreeFrom(), p.subtreeTo(), y, y.plusYears(1).minusDays(1)));
		String county = regions(3).get(0);
		RegionCode c = RegionCode.parse(county);
		plan("Distinct persons served, county " + county + ", month " + y.plusMonths(5), """
				EXPLAIN (ANALYZE, BUFFERS) SELECT COUNT(DISTINCT person_id) FROM care_served
				WHERE region_code >= '%s' AND region_code < '%s' AND served_on >= DATE '%s' AND served_on <= DATE '%s'
				""".formatted(c.subtreeFrom(), c.subtreeTo(), y.plusMonths(5), y.plusMonths(6).minusDays(1)));
		plan("Due list, township " + township, """
				EXPLAIN (ANALYZE, BUFFERS) SELECT id, name, region_code, next_due FROM care_person
				WHERE region_code >= '%s' AND region_code < '%s' AND next_due <= DATE '%s'
				ORDER BY next_due, id FETCH FIRST 5000 ROWS ONLY
				""".formatted(t.subtreeFrom(), t.subtreeTo(), today.plusDays(7)));
	}

	private void plan(String title, String sql) {
		line(report, "");
		line(report, "### " + title);
		line(report, "");
		line(report, "```");
		for (String l : jdbc.sql(sql).query(String.class).list()) {
			line(report, l);
		}
		line(report, "```");
	}

}
