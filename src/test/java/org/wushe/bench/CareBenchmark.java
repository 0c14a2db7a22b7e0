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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.access.AccountService;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.care.CareFigures;
import org.wushe.care.PersonService;
import org.wushe.care.VisitInput;
import org.wushe.care.Visits;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.TestAccounts;

/**
 * The care module at province scale on PostgreSQL (issue 10): a station's due list ({@code Visits.due}, what
 * {@code GET /api/visits/due} calls), any region's care figures for calendar months, quarters and years
 * ({@code CareFigures.counts}, what the dashboard calls, distinct persons served included), and saving a visit with
 * concurrent writers ({@code Visits.record}, what {@code POST /api/persons/{id}/visits} calls). In the same run, as a
 * baseline against the machine's noise: a person read by primary key through {@code PersonService.get}.
 * <p>
 * Not a test; run it with {@code bench/run-care.sh} (see docs/benchmarks.md). Options: {@code --persons},
 * {@code --visits}, {@code --province} (15), {@code --samples} (200 per level and period), {@code --writers} (8),
 * {@code --writes} (200 per writer), {@code --pool} (connections, writers + 2: a write needs one), {@code --reload},
 * {@code --out}.
 */
public final class CareBenchmark {

	static final int WRITE_WARMUP = 30;

	public static void main(String[] args) throws Exception {
		Map<String, String> a = BenchApp.options(args);
		String url = a.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/wushe_care");
		long persons = Long.parseLong(a.getOrDefault("persons", "300000"));
		long visits = Long.parseLong(a.getOrDefault("visits", String.valueOf(persons * 10)));
		String province = a.getOrDefault("province", "15");
		int samples = Integer.parseInt(a.getOrDefault("samples", "200"));
		int writers = Integer.parseInt(a.getOrDefault("writers", "8"));
		int writes = Integer.parseInt(a.getOrDefault("writes", "200"));
		Path out = Path.of(a.getOrDefault("out", "bench-results/care/care.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		// a write may need a second connection (counter rows created in a short transaction of their own)
		ConfigurableApplicationContext ctx = BenchApp.postgres(url,
				"--spring.datasource.hikari.maximum-pool-size=" + a.getOrDefault("pool", String.valueOf(writers + 2)));
		StringBuilder report = new StringBuilder();
		try {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			CareDataset data = new CareDataset(jdbc, province, today);
			line(report, "# Care on PostgreSQL");
			line(report, "");
			line(report, "- date: " + java.time.ZonedDateTime.now().withNano(0) + ", load average at start: " + load());
			line(report, "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
					+ Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
			// the visits of earlier runs' writers (dated the day of the run) stay; the data set is kept when it has the size asked for
			if (a.containsKey("reload") || data.persons() != persons || data.visits() < visits
					|| data.visits() > visits + 100_000) {
				long t0 = System.nanoTime();
				// one connection for the whole load: its session settings (index builds, foreign keys off) stay on it
				try (java.sql.Connection c = ctx.getBean(javax.sql.DataSource.class).getConnection()) {
					new CareDataset(JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true)),
							province, today, data.log()).load(persons, visits);
				}
				line(report, String.format(Locale.ROOT, "- loaded %,d persons and %,d visits in %.1f s:", persons, visits,
						(System.nanoTime() - t0) / 1e9));
				data.log().forEach(l -> line(report, "  " + l));
			}
			line(report, String.format(Locale.ROOT, "- dataset: %,d persons, %,d visits, %,d served marks in province %s",
					data.persons(), data.visits(),
					jdbc.sql("SELECT COUNT(*) FROM care_served").query(Long.class).single(), province));
			line(report, "- sizes: " + data.sizes());
			AccountService accounts = ctx.getBean(AccountService.class);
			CurrentUser admin = accounts.principalOf(TestAccounts.create(accounts, Role.ADMIN, "00")).orElseThrow();
			CareReads reads = new CareReads(ctx.getBean(Visits.class), ctx.getBean(CareFigures.class),
					ctx.getBean(PersonService.class), jdbc, admin, province, today, samples, report)
				.checks(Integer.parseInt(a.getOrDefault("checks", String.valueOf(Integer.MAX_VALUE))));
			List<String> phases = List.of(a.getOrDefault("phases", "reads,writes").split(","));
			if (phases.contains("reads")) {
				reads.dueLists();
				reads.figures();
				reads.explain();
			}
			if (phases.contains("writes")) {
				writes(ctx, jdbc, admin, province, today, writers, writes, report);
			}
			line(report, "");
			line(report, "- load average at the end: " + load());
		}
		finally {
			Files.writeString(out, report.toString());
			ctx.close();
		}
	}

	static void writes(ConfigurableApplicationContext ctx, JdbcClient jdbc, CurrentUser user, String province,
			LocalDate today, int writers, int writes, StringBuilder report) throws InterruptedException {
		Visits visits = ctx.getBean(Visits.class);
		CareFigures figures = ctx.getBean(CareFigures.class);
		RegionScope all = new RegionScope(RegionCode.COUNTRY);
		long maxId = jdbc.sql("SELECT MAX(id) FROM care_person").query(Long.class).single();
		CareFigures.Counts before = figures.counts(RegionCode.COUNTRY, today, today, today);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> warmup = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> baseline = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
		PersonService persons = ctx.getBean(PersonService.class);
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			int id = w;
			Thread t = new Thread(() -> {
				Random r = new Random(System.nanoTime() * 31 + id);
				try {
					start.await();
				}
				catch (InterruptedException e) {
					return;
				}
				for (int i = 0; i < writes; i++) {
					long person = 1 + (long) (r.nextDouble() * maxId);
					String followUp = r.nextInt(20) == 0 ? "NEED" : "NONE";
					VisitInput input = new VisitInput(today.toString(), r.nextBoolean() ? "HOME" : "PHONE", List.of(),
							List.of("HEALTH"), followUp, "探访记录 " + id + "-" + i);
					long t0 = System.nanoTime();
					try {
						visits.record(person, input, user);
						(i < WRITE_WARMUP ? warmup : latencies).add(System.nanoTime() - t0);
					}
					catch (RuntimeException ex) {
						failures.incrementAndGet();
						errors.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
					}
					if (i % 10 == 0) {
						long b = System.nanoTime();
						persons.get(all, 1 + (long) (r.nextDouble() * maxId));
						baseline.add(System.nanoTime() - b);
					}
				}
			}, "writer-" + w);
			threads.add(t);
			t.start();
		}
		String loadBefore = load();
		long t0 = System.nanoTime();
		start.countDown();
		for (Thread t : threads) {
			t.join();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		long[] every = java.util.stream.LongStream
			.concat(warmup.stream().mapToLong(Long::longValue), Arrays.stream(l)).sorted().toArray();
		long[] b = baseline.stream().mapToLong(Long::longValue).sorted().toArray();
		CareFigures.Counts after = figures.counts(RegionCode.COUNTRY, today, today, today);
		long raw = jdbc.sql("SELECT COUNT(*) FROM care_visit WHERE visit_date = :d").param("d", today)
			.query(Long.class).single();
		long rawServed = jdbc.sql("SELECT COUNT(DISTINCT person_id) FROM care_visit WHERE visit_date = :d")
			.param("d", today).query(Long.class).single();
		line(report, "");
		line(report, String.format(Locale.ROOT,
				"## %d concurrent writers × %d visits through Visits.record (load average before %s, after %s)", writers,
				writes, loadBefore, load()));
		line(report, "");
		line(report, String.format(Locale.ROOT, "- %d visits in %.1f s (%.0f/s); all writes: p50 %s, p95 %s, p99 %s, max %s",
				every.length, seconds, every.length / seconds, ms(pct(every, 50)), ms(pct(every, 95)), ms(pct(every, 99)),
				ms(every.length == 0 ? 0 : every[every.length - 1])));
		line(report, String.format(Locale.ROOT, "- after each writer's first %d writes: p50 %s, p95 %s, p99 **%s**, max %s",
				WRITE_WARMUP, ms(pct(l, 50)), ms(pct(l, 95)), ms(pct(l, 99)), ms(l.length == 0 ? 0 : l[l.length - 1])));
		line(report, String.format(Locale.ROOT,
				"- baseline in the same run (PersonService.get by primary key, between the writes): p50 %s, p95 %s, p99 %s; "
						+ "ratio write p99 / baseline p99 %.1f×",
				ms(pct(b, 50)), ms(pct(b, 95)), ms(pct(b, 99)), (double) pct(l, 99) / Math.max(1, pct(b, 99))));
		line(report, "- failures: " + failures.get() + (errors.isEmpty() ? "" : " — first: " + errors.peek()));
		line(report, String.format(Locale.ROOT,
				"- today's visits in the country figures before %,d, after %,d, raw rows %,d; served today %,d, raw %,d: %s",
				before.visits(), after.visits(), raw, after.personsServed(), rawServed,
				after.visits() == before.visits() + every.length && after.visits() == raw
						&& after.personsServed() == rawServed ? "exact" : "MISMATCH"));
	}

}
