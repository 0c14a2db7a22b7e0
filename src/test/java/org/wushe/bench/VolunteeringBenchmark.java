package org.wushe.bench;

import static org.wushe.bench.BenchReport.line;
import static org.wushe.bench.BenchReport.load;
import static org.wushe.bench.BenchReport.ms;
import static org.wushe.bench.BenchReport.pct;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
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

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wushe.WusheApplication;
import org.wushe.actor.ActorTestData;
import org.wushe.actor.volunteer.VolunteerInput;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.TestDatabase;
import org.wushe.volunteering.Certificates;
import org.wushe.volunteering.HoursService;
import org.wushe.volunteering.ProjectService;
import org.wushe.volunteering.VolunteeringFigures;

/**
 * The volunteering module (issue 11) through its services, on the test database: H2 by default, PostgreSQL with
 * {@code -Dwushe.test.db=postgres -Dwushe.test.schema=<new schema>}. Recording a whole attendance sheet in one call,
 * confirming on the volunteers' behalf (which deposits into the time bank), hours queries of a volunteer, a project
 * and regions, time-bank transfers with concurrent callers (see {@link TimeBankLoad}), and certificates: issuing and
 * rendering the PDF, one by one and as a batch with the peak heap. In the same run, as a baseline against the
 * machine's noise: a volunteer's time-bank account read by primary key.
 * <p>
 * Not a test; {@code bench/run-volunteering.sh} runs it (see docs/benchmarks.md). Options: {@code --volunteers}
 * (500), {@code --sessions} (4 per volunteer), {@code --callers} (16), {@code --seconds} (20, of transfers),
 * {@code --certificates} (1000 in the batch), {@code --samples} (200), {@code --pool} (connections, 10 as the
 * application), {@code --out}. The application listens on a free port for the HTTP figure.
 */
public final class VolunteeringBenchmark {

	static final RegionScope ALL = new RegionScope(RegionCode.COUNTRY);

	static final String COUNTY = "150102";

	public static void main(String[] args) throws Exception {
		Map<String, String> a = BenchApp.options(args);
		int volunteers = Integer.parseInt(a.getOrDefault("volunteers", "500"));
		int sessions = Integer.parseInt(a.getOrDefault("sessions", "4"));
		int callers = Integer.parseInt(a.getOrDefault("callers", "16"));
		int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
		int batch = Integer.parseInt(a.getOrDefault("certificates", "1000"));
		int samples = Integer.parseInt(a.getOrDefault("samples", "200"));
		String db = TestDatabase.isPostgres() ? "PostgreSQL" : "H2 (in memory)";
		Path out = Path.of(a.getOrDefault("out", "bench-results/volunteering/volunteering.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		StringBuilder report = new StringBuilder();
		try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WusheApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles(new TestDatabase().resolve(VolunteeringBenchmark.class))
			// command-line arguments outrank the profiles' properties
			.run("--logging.level.root=WARN", "--server.port=0",
					"--spring.datasource.hikari.maximum-pool-size=" + a.getOrDefault("pool", "10"))) {
			line(report, "# Volunteering on " + db);
			line(report, "");
			line(report, "- date: " + java.time.ZonedDateTime.now().withNano(0) + ", load average at start: " + load());
			line(report, "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
					+ Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ") + ", max heap "
					+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, connection pool "
					+ ctx.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"));
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			VolunteerService registry = ctx.getBean(VolunteerService.class);
			ProjectService projects = ctx.getBean(ProjectService.class);
			HoursService hours = ctx.getBean(HoursService.class);
			List<String> villages = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("SELECT code FROM region WHERE level = 5 AND code >= '150102' AND code < '150106' ORDER BY code")
				.query(String.class).list().stream().filter(v -> v.endsWith("001")).limit(8).toList();
			List<Long> ids = new ArrayList<>();
			long t0 = System.nanoTime();
			for (int i = 0; i < volunteers; i++) {
				String village = villages.get(i % villages.size());
				ids.add(registry.register(new VolunteerInput("志愿者" + i, ActorTestData.idNumber(village.substring(0, 6)),
						null, village, List.of(), List.of(), "ACTIVE"), ALL).id());
			}
			line(report, String.format(Locale.ROOT, "- %,d volunteers registered through VolunteerService in %.1f s",
					volunteers, (System.nanoTime() - t0) / 1e9));
			long team = projects.createTeam(new ProjectService.TeamInput("助老服务队", COUNTY, null, null), ALL).id();
			long project = projects.createProject(new ProjectService.ProjectInput("助老上门", COUNTY, "TEAM", team,
					today.minusDays(sessions + 30).toString(), today.toString(), "社区活动室", "ELDERLY", volunteers,
					true, true), ALL).id();

			line(report, "");
			line(report, "## Recording and confirming hours (load average " + load() + ")");
			line(report, "");
			// same-run baseline: a volunteer read by primary key through the actor module's service
			long[] reads = new long[samples];
			for (int i = 0; i < samples + 20; i++) {
				long r0 = System.nanoTime();
				registry.find(ALL, ids.get(i % ids.size()));
				if (i >= 20) {
					reads[i - 20] = System.nanoTime() - r0;
				}
			}
			Arrays.sort(reads);
			long readP50 = Math.max(1, pct(reads, 50));
			line(report, String.format(Locale.ROOT, "- same-run baseline: a volunteer read by primary key "
					+ "(VolunteerService.find) p50 %s, p95 %s", ms(readP50), ms(pct(reads, 95))));
			List<Long> records = new ArrayList<>();
			for (int s = 0; s < sessions; s++) {
				var start = today.minusDays(s + 1).atTime(9, 0);
				List<HoursService.Entry> sheet = new ArrayList<>();
				for (long v : ids) {
					sheet.add(new HoursService.Entry(v, start.toString(), start.plusMinutes(90).toString(), "陪伴聊天"));
				}
				long r0 = System.nanoTime();
				HoursService.Outcome o = hours.record(ALL, project, sheet, false);
				long took = System.nanoTime() - r0;
				line(report, String.format(Locale.ROOT, "- attendance sheet %d: %,d entries in one call (HoursService.record, "
						+ "what POST /api/projects/{id}/hours calls): **%.2f s**, recorded %,d, rejected %d; "
						+ "%.1f× the baseline's p50 per entry", s + 1, sheet.size(), took / 1e9, o.recorded().size(),
						o.rejected().size(), (double) took / sheet.size() / readP50));
				records.addAll(o.recorded());
			}
			long[] confirms = new long[records.size()];
			long c0 = System.nanoTime();
			for (int i = 0; i < records.size(); i++) {
				long r0 = System.nanoTime();
				hours.confirm(ALL, records.get(i), "组织方代为确认");
				confirms[i] = System.nanoTime() - r0;
			}
			Arrays.sort(confirms);
			line(report, String.format(Locale.ROOT, "- %,d confirmations on the volunteers' behalf (each deposits 90 minutes "
					+ "into the volunteer's time-bank account): %.1f s, p50 %s, p95 %s, p99 %s", records.size(),
					(System.nanoTime() - c0) / 1e9, ms(pct(confirms, 50)), ms(pct(confirms, 95)), ms(pct(confirms, 99))));

			TimeBankLoad bank = new TimeBankLoad(ctx, ids, report);
			LongSupplier baseline = bank::baselineRead;
			queries(ctx, hours, ids, project, today, samples, baseline, report);
			bank.run(callers, seconds);
			bank.runHttp("http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port"), callers, seconds);
			certificates(ctx, ids, today, sessions, batch, baseline, report);
			line(report, "");
			line(report, "- load average at the end: " + load());
		}
		finally {
			Files.writeString(out, report.toString());
		}
	}

	static void queries(ConfigurableApplicationContext ctx, HoursService hours, List<Long> ids, long project,
			LocalDate today, int samples, LongSupplier baseline, StringBuilder report) {
		VolunteeringFigures figures = ctx.getBean(VolunteeringFigures.class);
		Random r = new Random(11);
		line(report, "");
		line(report, "## Hours queries (load average " + load() + ")");
		line(report, "");
		line(report, "| query | samples | p50 | p95 | p99 | max | baseline PK read p50 / p95 | ratio p95 |");
		line(report, "|---|---|---|---|---|---|---|---|");
		Map<String, Runnable> qs = new LinkedHashMap<>();
		qs.put("one volunteer's total and records, last 90 days (HoursService.ofVolunteer)",
				() -> hours.ofVolunteer(ALL, ids.get(r.nextInt(ids.size())), today.minusDays(90), today));
		qs.put("one project's records (HoursService.ofProject, all " + ids.size() + " volunteers' sessions)",
				() -> hours.ofProject(ALL, project));
		for (String region : List.of("150102001001", "150102001", COUNTY, "1501", "15", "00")) {
			qs.put("region " + region + " figures, random period ≤ 1 year (VolunteeringFigures.figures)", () -> {
				LocalDate from = today.minusDays(r.nextInt(365));
				figures.figures(RegionCode.parse(region), from, from.plusDays(r.nextInt(365)));
			});
			qs.put("region " + region + " figures, a calendar month, quarter or year of the last two (active volunteers"
					+ " by key)", () -> {
						LocalDate[] p = VolunteeringScaleBenchmark.calendarPeriod(today, r);
						figures.figures(RegionCode.parse(region), p[0], p[1]);
					});
		}
		for (Map.Entry<String, Runnable> q : qs.entrySet()) {
			VolunteeringScaleBenchmark.timed(q.getKey(), q.getValue(), samples, 20, baseline, report);
		}
	}

	static void certificates(ConfigurableApplicationContext ctx, List<Long> ids, LocalDate today, int sessions,
			int batch, LongSupplier baseline, StringBuilder report) throws Exception {
		Certificates certificates = ctx.getBean(Certificates.class);
		// the PDF renderer is the module's own; the API's GET /api/certificates/{number}.pdf calls it
		Class<?> type = Class.forName("org.wushe.volunteering.CertificatePdf");
		Object pdf = ctx.getBean(type);
		Method render = type.getDeclaredMethod("render", Certificates.Certificate.class, String.class);
		render.setAccessible(true);
		line(report, "");
		line(report, "## Certificates (load average " + load() + ")");
		line(report, "");
		int n = Math.min(ids.size(), 200);
		List<Certificates.Certificate> issued = new ArrayList<>();
		long[] issue = new long[n];
		for (int i = 0; i < n; i++) {
			long t0 = System.nanoTime();
			issued.add(certificates.issue(ALL, new Certificates.IssueInput(ids.get(i), today.minusDays(sessions + 1)
				.toString(), today.toString(), null, null)));
			issue[i] = System.nanoTime() - t0;
		}
		Arrays.sort(issue);
		line(report, String.format(Locale.ROOT, "- issuing (Certificates.issue, numbered per issuer and year): %d, p50 %s, p95 %s",
				n, ms(pct(issue, 50)), ms(pct(issue, 95))));
		for (int i = 0; i < 20; i++) {
			render.invoke(pdf, issued.get(i % n), certificates.publicUrl(issued.get(i % n).number()));
		}
		long[] one = new long[n];
		long[] b = new long[n];
		long bytes = 0;
		for (int i = 0; i < n; i++) {
			Certificates.Certificate c = issued.get(i);
			long t0 = System.nanoTime();
			bytes += ((byte[]) render.invoke(pdf, c, certificates.publicUrl(c.number()))).length;
			one[i] = System.nanoTime() - t0;
			b[i] = baseline.getAsLong();
		}
		Arrays.sort(one);
		Arrays.sort(b);
		line(report, String.format(Locale.ROOT, "- one PDF (A4, fonts embedded, QR code): p50 %s, p95 **%s**, p99 %s, %,d bytes on "
				+ "average; baseline PK read p50 %s, p95 %s; ratio p95 %.1f×", ms(pct(one, 50)), ms(pct(one, 95)),
				ms(pct(one, 99)), bytes / n, ms(pct(b, 50)), ms(pct(b, 95)),
				(double) pct(one, 95) / Math.max(1, pct(b, 95))));
		System.gc();
		resetPeak();
		long t0 = System.nanoTime();
		for (int i = 0; i < batch; i++) {
			Certificates.Certificate c = issued.get(i % n);
			render.invoke(pdf, c, certificates.publicUrl(c.number()));
		}
		line(report, String.format(Locale.ROOT, "- batch of %,d PDFs one after another: **%.1f s**, peak heap used %d MB of %d MB",
				batch, (System.nanoTime() - t0) / 1e9, peakHeapMb(), Runtime.getRuntime().maxMemory() / (1 << 20)));
	}

	static void resetPeak() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	static long peakHeapMb() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum / (1 << 20);
	}

}
