package org.wushe.bench;

import static org.wushe.bench.BenchReport.line;
import static org.wushe.bench.BenchReport.load;
import static org.wushe.bench.BenchReport.ms;
import static org.wushe.bench.BenchReport.pct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.wushe.actor.ActorTestData;
import org.wushe.actor.volunteer.VolunteerInput;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.volunteering.HoursService;
import org.wushe.volunteering.ProjectService;
import org.wushe.volunteering.VolunteeringFigures;

/**
 * Volunteer service hours at province scale on PostgreSQL (issue 11): a region's hours for any period
 * ({@code VolunteeringFigures.minutes}, the dashboard's hours), the dashboard's volunteering figures of a calendar
 * month, quarter or year ({@code VolunteeringFigures.figures}, active volunteers by key), what the exact count of
 * distinct active volunteers over an arbitrary range costs, one volunteer's total ({@code HoursService.ofVolunteer},
 * what {@code GET /api/volunteers/{id}/hours} calls) and recording 1,000 volunteers' hours in one call
 * ({@code HoursService.record}, what {@code POST /api/projects/{id}/hours} calls). In the same run, as a baseline
 * against the machine's noise: a volunteer read by primary key through {@code VolunteerService.find}.
 * <p>
 * Not a test; run it with {@code bench/run-volunteering-scale.sh} (see docs/benchmarks.md). Options:
 * {@code --pg-url}, {@code --volunteers} (1,000,000), {@code --records} (10 per volunteer), {@code --province} (15),
 * {@code --samples} (200), {@code --sheets} (5 sheets of {@code --sheet} = 1,000 entries), {@code --reload},
 * {@code --out}.
 */
public final class VolunteeringScaleBenchmark {

	static final RegionScope ALL = new RegionScope(RegionCode.COUNTRY);

	public static void main(String[] args) throws Exception {
		Map<String, String> a = BenchApp.options(args);
		String url = a.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/wushe_volunteering");
		long volunteers = Long.parseLong(a.getOrDefault("volunteers", "1000000"));
		long records = Long.parseLong(a.getOrDefault("records", String.valueOf(volunteers * 10)));
		String province = a.getOrDefault("province", "15");
		int samples = Integer.parseInt(a.getOrDefault("samples", "200"));
		int sheets = Integer.parseInt(a.getOrDefault("sheets", "5"));
		int sheet = Integer.parseInt(a.getOrDefault("sheet", "1000"));
		Path out = Path.of(a.getOrDefault("out", "bench-results/volunteering/scale.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		ConfigurableApplicationContext ctx = BenchApp.postgres(url);
		StringBuilder report = new StringBuilder();
		try {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			HoursDataset data = new HoursDataset(jdbc, province, today);
			VolunteerService registry = ctx.getBean(VolunteerService.class);
			line(report, "# Volunteer service hours at scale on PostgreSQL");
			line(report, "");
			line(report, "- date: " + java.time.ZonedDateTime.now().withNano(0) + ", load average at start: " + load());
			line(report, "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
					+ Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
			if (a.containsKey("reload") || data.volunteers() != volunteers || data.records() != records) {
				String village = jdbc.sql("SELECT MIN(code) FROM region WHERE level = 5 AND code LIKE :p")
					.param("p", province + "%").query(String.class).single();
				long template = registry.register(new VolunteerInput("样例志愿者", ActorTestData.idNumber(village.substring(0, 6)),
						null, village, List.of(), List.of(), "ACTIVE"), ALL).id();
				record Personal(String cipher, String masked) {
				}
				Personal p = jdbc.sql("SELECT id_number_cipher AS cipher, id_number_masked AS masked FROM volunteer WHERE id = :id")
					.param("id", template).query(Personal.class).single();
				long t0 = System.nanoTime();
				try (java.sql.Connection c = ctx.getBean(javax.sql.DataSource.class).getConnection()) {
					data.load(JdbcClient.create(new SingleConnectionDataSource(c, true)), volunteers, records, p.cipher(),
							p.masked());
				}
				line(report, String.format(Locale.ROOT, "- loaded %,d volunteers and %,d records in %.1f s:", volunteers,
						records, (System.nanoTime() - t0) / 1e9));
				data.log().forEach(l -> line(report, "  " + l));
			}
			line(report, String.format(Locale.ROOT, "- dataset: %,d volunteers, %,d hour records (all confirmed) in province %s",
					data.volunteers(), data.records(), province));
			line(report, "- sizes: " + data.sizes());
			long maxId = jdbc.sql("SELECT MAX(id) FROM volunteer WHERE created_by = 'bench'").query(Long.class).single();
			Random r = new Random(17);
			LongSupplier baseline = () -> {
				long t0 = System.nanoTime();
				registry.find(ALL, 1 + (long) (r.nextDouble() * maxId));
				return System.nanoTime() - t0;
			};
			String village = jdbc.sql("SELECT region_code FROM volunteer WHERE id = 1").query(String.class).single();
			reads(ctx, village, maxId, today, samples, baseline, report);
			sheets(ctx, jdbc, village.substring(0, 6), today, sheets, sheet, baseline, report);
			line(report, "");
			line(report, "- load average at the end: " + load());
		}
		finally {
			Files.writeString(out, report.toString());
			ctx.close();
		}
	}

	static void reads(ConfigurableApplicationContext ctx, String village, long maxId, LocalDate today, int samples,
			LongSupplier baseline, StringBuilder report) {
		VolunteeringFigures figures = ctx.getBean(VolunteeringFigures.class);
		HoursService hours = ctx.getBean(HoursService.class);
		Random r = new Random(11);
		line(report, "");
		line(report, "## Reads (load average " + load() + ")");
		line(report, "");
		line(report, "| query | samples | p50 | p95 | p99 | max | baseline PK read p50 / p95 | ratio p95 |");
		line(report, "|---|---|---|---|---|---|---|---|");
		Map<String, Runnable> qs = new LinkedHashMap<>();
		qs.put("one volunteer's total and records of the last 365 days (HoursService.ofVolunteer)",
				() -> hours.ofVolunteer(ALL, 1 + (long) (r.nextDouble() * maxId), today.minusDays(365), today));
		List<String> levels = List.of(village, village.substring(0, 9), village.substring(0, 6), village.substring(0, 4),
				village.substring(0, 2), "00");
		for (String region : levels) {
			qs.put("region " + region + " hours, random period ≤ 1 year of the last two (VolunteeringFigures.minutes)", () -> {
				LocalDate from = today.minusDays(365 + r.nextInt(365));
				figures.minutes(RegionCode.parse(region), from, from.plusDays(r.nextInt(365)));
			});
			qs.put("region " + region + " dashboard figures, a calendar month, quarter or year of the last two "
					+ "(VolunteeringFigures.figures)", () -> {
						LocalDate[] p = calendarPeriod(today, r);
						figures.figures(RegionCode.parse(region), p[0], p[1]);
					});
		}
		for (Map.Entry<String, Runnable> q : qs.entrySet()) {
			timed(q.getKey(), q.getValue(), samples, 20, baseline, report);
		}
		line(report, "");
		line(report, "What an exact count of distinct active volunteers over a range that is no calendar period costs "
				+ "(VolunteeringFigures.figures with a random range of 2–31 days: COUNT(DISTINCT) over the range of the "
				+ "region's index), 3 samples per level:");
		line(report, "");
		line(report, "| query | samples | p50 | p95 | p99 | max | baseline PK read p50 / p95 | ratio p95 |");
		line(report, "|---|---|---|---|---|---|---|---|");
		for (String region : levels.subList(0, 5)) {
			timed("region " + region + " figures, random range of 2–31 days", () -> {
				LocalDate from = today.minusDays(40 + r.nextInt(600));
				figures.figures(RegionCode.parse(region), from, from.plusDays(1 + r.nextInt(30)));
			}, 3, 0, baseline, report);
		}
	}

	static LocalDate[] calendarPeriod(LocalDate today, Random r) {
		LocalDate month = today.withDayOfMonth(1).minusMonths(r.nextInt(24));
		return switch (r.nextInt(3)) {
			case 0 -> new LocalDate[] { month, month.plusMonths(1).minusDays(1) };
			case 1 -> {
				LocalDate q = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
				yield new LocalDate[] { q, q.plusMonths(3).minusDays(1) };
			}
			default -> new LocalDate[] { month.withDayOfYear(1), month.withDayOfYear(1).plusYears(1).minusDays(1) };
		};
	}

	static void timed(String what, Runnable query, int samples, int warmup, LongSupplier baseline,
			StringBuilder report) {
		long[] t = new long[samples];
		long[] b = new long[samples];
		for (int i = 0; i < samples + warmup; i++) {
			long t0 = System.nanoTime();
			query.run();
			long d = System.nanoTime() - t0;
			long base = baseline.getAsLong();
			if (i >= warmup) {
				t[i - warmup] = d;
				b[i - warmup] = base;
			}
		}
		Arrays.sort(t);
		Arrays.sort(b);
		line(report, String.format(Locale.ROOT, "| %s | %d | %s | **%s** | %s | %s | %s / %s | %.1f× |", what, samples,
				ms(pct(t, 50)), ms(pct(t, 95)), ms(pct(t, 99)), ms(t[t.length - 1]), ms(pct(b, 50)), ms(pct(b, 95)),
				(double) pct(t, 95) / Math.max(1, pct(b, 95))));
		System.out.println(what + ": p95 " + ms(pct(t, 95)));
	}

	/** Attendance sheets of {@code size} volunteers of the county, each in one call, at successive times of today. */
	static void sheets(ConfigurableApplicationContext ctx, JdbcClient jdbc, String county, LocalDate today, int sheets,
			int size, LongSupplier baseline, StringBuilder report) {
		ProjectService projects = ctx.getBean(ProjectService.class);
		HoursService hours = ctx.getBean(HoursService.class);
		long team = projects.createTeam(new ProjectService.TeamInput("助老服务队", county, null, null), ALL).id();
		long project = projects.createProject(new ProjectService.ProjectInput("助老上门" + System.nanoTime() % 100000,
				county, "TEAM", team, today.minusDays(30).toString(), today.plusDays(30).toString(), "社区活动室", "ELDERLY",
				size, false, false), ALL).id();
		List<Long> ids = jdbc.sql("""
				SELECT id FROM volunteer WHERE region_code >= :from AND region_code < :to AND created_by = 'bench'
				ORDER BY id FETCH FIRST :n ROWS ONLY
				""").param("from", county).param("to", CareDataset.next(county)).param("n", size)
			.query(Long.class).list();
		line(report, "");
		line(report, "## Recording " + ids.size() + " volunteers' hours in one call (load average " + load() + ")");
		line(report, "");
		long[] base = new long[50];
		for (int i = 0; i < base.length; i++) {
			base[i] = baseline.getAsLong();
		}
		Arrays.sort(base);
		// a minute of the day no earlier run of this benchmark used today, so that the sheets never overlap earlier ones
		int offset = (int) (jdbc.sql("SELECT COUNT(*) FROM service_hours WHERE project_id IN "
				+ "(SELECT id FROM service_project WHERE created_by <> 'bench')").query(Long.class).single() / Math.max(1, size));
		for (int s = 0; s < sheets; s++) {
			var start = today.atTime(0, 0).plusMinutes(20L * (offset + s));
			List<HoursService.Entry> entries = new ArrayList<>();
			for (long v : ids) {
				entries.add(new HoursService.Entry(v, start.toString(), start.plusMinutes(15).toString(), "陪伴聊天"));
			}
			long t0 = System.nanoTime();
			HoursService.Outcome o = hours.record(ALL, project, entries, false);
			long took = System.nanoTime() - t0;
			line(report, String.format(Locale.ROOT, "- sheet %d: %,d entries in one call: **%.2f s**, recorded %,d, rejected %d; "
					+ "%.0f× the baseline PK read's p50 (%s)", s + 1, entries.size(), took / 1e9, o.recorded().size(),
					o.rejected().size(), (double) took / Math.max(1, pct(base, 50)), ms(pct(base, 50))));
		}
	}

}
