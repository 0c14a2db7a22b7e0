package org.wushe.bench;

import static org.wushe.bench.BenchReport.line;
import static org.wushe.bench.BenchReport.load;
import static org.wushe.bench.BenchReport.ms;
import static org.wushe.bench.BenchReport.pct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheApplication;
import org.wushe.activity.ActivityInput;
import org.wushe.actor.ActorFigures;
import org.wushe.activity.ActivityRollup;
import org.wushe.activity.ActivityService;
import org.wushe.activity.ActivityTotals;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;

/**
 * Activity rollups at national scale on PostgreSQL (issue: dashboards and rollups):
 * <ol>
 * <li>loads a seeded data set of N activity records over the real tree (first 1M, then up to N), building the summary
 * rows in bulk;</li>
 * <li>for random regions at every level and random periods up to a year, the latency of {@link ActivityRollup#totals}
 * against the naive GROUP BY over the raw rows measured in the same run (baseline), and checks both agree;</li>
 * <li>8 concurrent writers recording through {@link ActivityService#record}: per-write latency, failures, and exact
 * totals afterwards; and freshness: a record is in the very next query.</li>
 * <li>a seeded national network and registries (sites, organizations, workers, {@code --volunteers=N} volunteers):
 * the dashboard's registry figures from the counters kept at write time against COUNT(*) over the rows.</li>
 * </ol>
 * Not a test; {@code bench/run-dashboard.sh} runs it. Arguments: {@code --pg-url=URL --activities=N --seed=N
 * --samples=N --baseline-samples=N --writers=N --writes=N --out=FILE --reload --steps=N,N --phases=queries,registries,writes,http --volunteers=N
 * --http-seconds=N --port=N --write-seed=N}.
 */
public class RollupBenchmark {

	/** Writes of each writer not counted in the steady-state latency (they are counted in the totals). */
	static final int WRITE_WARMUP = 30;

	static final List<RegionLevel> LEVELS = List.of(RegionLevel.COUNTRY, RegionLevel.PROVINCE, RegionLevel.PREFECTURE,
			RegionLevel.COUNTY, RegionLevel.TOWNSHIP);

	public static void main(String[] args) throws Exception {
		Map<String, String> a = BenchApp.options(args);
		String url = a.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/wushe_dashboard");
		long target = Long.parseLong(a.getOrDefault("activities", "10000000"));
		long seed = Long.parseLong(a.getOrDefault("seed", "20250317"));
		int samples = Integer.parseInt(a.getOrDefault("samples", "200"));
		int baselineSamples = Integer.parseInt(a.getOrDefault("baseline-samples", "10"));
		int writers = Integer.parseInt(a.getOrDefault("writers", "8"));
		int writes = Integer.parseInt(a.getOrDefault("writes", "250"));
		Path out = Path.of(a.getOrDefault("out", "bench-results/dashboard/rollups.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());

		ConfigurableApplicationContext ctx = new SpringApplicationBuilder(WusheApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles("postgres")
			// command-line arguments outrank the profile's properties
			.run("--spring.datasource.url=" + url + "?reWriteBatchedInserts=true", "--wushe.regions.load=foreground",
					"--wushe.demo.enabled=false", "--wushe.admin.password=bench-admin-password", "--server.port=" + a.getOrDefault("port", "0"),
					// a fixed key for the benchmark's throw-away personal data
					"--wushe.crypto.key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
					"--spring.datasource.hikari.maximum-pool-size=" + (writers + 2), "--logging.level.root=WARN",
					"--logging.level.org.wushe=INFO");
		StringBuilder report = new StringBuilder();
		try {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			ActivityDataset data = new ActivityDataset(jdbc, ctx.getBean(DataSource.class), seed);
			long[] campaigns = data.campaigns();
			long existing = jdbc.sql("SELECT COUNT(*) FROM activity WHERE created_by = 'bench'").query(Long.class).single();
			if (a.containsKey("reload")) {
				jdbc.sql("DELETE FROM activity_rollup").update();
				jdbc.sql("DELETE FROM activity").update();
				existing = 0;
			}
			line(report, "# Activity rollups on PostgreSQL");
			line(report, "");
			line(report, "- date: " + java.time.ZonedDateTime.now().withNano(0));
			line(report, "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
					+ Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
			line(report, "- seed " + seed + ", " + samples + " rollup samples and " + baselineSamples
					+ " baseline samples per level");
			List<Long> steps = new ArrayList<>();
			if (a.containsKey("steps")) {
				for (String step : a.get("steps").split(",")) {
					steps.add(Long.parseLong(step.strip()));
				}
			}
			else if (target > 1_000_000 && existing < 1_000_000) {
				steps.add(1_000_000L);
			}
			if (!steps.contains(target)) {
				steps.add(target);
			}
			List<String> phases = List.of(a.getOrDefault("phases", "queries,registries,writes,http").split(","));
			if (phases.contains("registries")) {
				long volunteers = Long.parseLong(a.getOrDefault("volunteers", "3000000"));
				RegistryDataset registries = new RegistryDataset(jdbc, ctx.getBean(DataSource.class), seed);
				line(report, "");
				line(report, registries.load(volunteers, volunteers / 10, volunteers / 30));
				registries(ctx, jdbc, samples, baselineSamples, seed, report);
			}
			for (long size : steps) {
				if (existing < size) {
					long t0 = System.nanoTime();
					long lastId = data.lastId();
					data.load(existing, size, campaigns);
					long t1 = System.nanoTime();
					// the summary rows of the records already loaded stay; only the new records are added, level by level
					data.addRollups(lastId);
					long t2 = System.nanoTime();
					line(report, "");
					line(report, String.format(Locale.ROOT, "Loaded rows %,d–%,d in %.1f s; summary rows of these rows added in %.1f s",
							existing, size, (t1 - t0) / 1e9, (t2 - t1) / 1e9));
					existing = size;
				}
				if (phases.contains("queries")) {
					queries(ctx, jdbc, size, samples, baselineSamples, seed, report);
				}
			}
			if (phases.contains("writes")) {
				// a new seed per run by default, so that each run's writers meet summary rows they have to create
				writes(ctx, jdbc, campaigns[1], writers, writes,
						Long.parseLong(a.getOrDefault("write-seed", String.valueOf(System.currentTimeMillis()))), report);
			}
			if (phases.contains("http") && !a.containsKey("no-http")) {
				http(ctx, Integer.parseInt(a.getOrDefault("http-seconds", "20")), report);
			}
		}
		finally {
			Files.writeString(out, report.toString());
			System.out.println(report);
			ctx.close();
		}
	}

	/**
	 * One measurement of a region: {@code fast} is timed; {@code slow} is the baseline, timed, and returns the check
	 * (run untimed) that the fast path agrees with it.
	 */
	interface Probe {

		void fast(RegionCode code, Random random);

		Runnable slow(RegionCode code, Random random);

	}

	/** For every level, random regions through the fast path and the baseline: one table row per level. */
	static void perLevel(JdbcClient jdbc, int samples, int baselineSamples, long seed, Probe probe,
			StringBuilder report) {
		Random random = new Random(seed);
		for (RegionLevel level : LEVELS) {
			List<String> codes = level == RegionLevel.COUNTRY ? List.of("00")
					: jdbc.sql("SELECT code FROM region WHERE level = :l").param("l", level.number())
						.query(String.class).list();
			// warm up
			for (int i = 0; i < 20; i++) {
				probe.fast(RegionCode.parse(codes.get(random.nextInt(codes.size()))), random);
			}
			long[] fast = new long[samples];
			for (int i = 0; i < samples; i++) {
				RegionCode code = RegionCode.parse(codes.get(random.nextInt(codes.size())));
				long t = System.nanoTime();
				probe.fast(code, random);
				fast[i] = System.nanoTime() - t;
			}
			long[] slow = new long[baselineSamples];
			for (int i = 0; i < baselineSamples; i++) {
				RegionCode code = RegionCode.parse(codes.get(random.nextInt(codes.size())));
				long t = System.nanoTime();
				Runnable check = probe.slow(code, random);
				slow[i] = System.nanoTime() - t;
				check.run();
			}
			Arrays.sort(fast);
			Arrays.sort(slow);
			line(report, String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.0f× | %.0f× |", level,
					ms(pct(fast, 50)), ms(pct(fast, 95)), ms(pct(fast, 99)), ms(pct(slow, 50)), ms(pct(slow, 95)),
					(double) pct(slow, 50) / pct(fast, 50), (double) pct(slow, 95) / pct(fast, 95)));
		}
	}

	static void queries(ConfigurableApplicationContext ctx, JdbcClient jdbc, long size, int samples,
			int baselineSamples, long seed, StringBuilder report) {
		ActivityRollup rollup = ctx.getBean(ActivityRollup.class);
		RegionScope all = new RegionScope(RegionCode.COUNTRY);
		line(report, "");
		line(report, String.format(Locale.ROOT, "## %,d activity records: totals of a region over a random period (≤ 1 year)", size));
		line(report, "");
		line(report, "| level | rollup p50 | p95 | p99 | naive GROUP BY p50 | p95 | ratio p50 | ratio p95 |");
		line(report, "|---|---|---|---|---|---|---|---|");
		perLevel(jdbc, samples, baselineSamples, seed, new Probe() {
			@Override
			public void fast(RegionCode code, Random random) {
				LocalDate[] p = period(random);
				rollup.totals(all, code, p[0], p[1], null);
			}

			@Override
			public Runnable slow(RegionCode code, Random random) {
				LocalDate[] p = period(random);
				long naive = naive(jdbc, code, p[0], p[1]);
				return () -> {
					ActivityTotals viaRollup = rollup.totals(all, code, p[0], p[1], null);
					if (viaRollup.activities() != naive) {
						throw new IllegalStateException("rollup " + viaRollup.activities() + " != raw " + naive
								+ " for " + code + " " + p[0] + ".." + p[1]);
					}
				};
			}
		}, report);
	}

	/**
	 * The registry figures of the dashboard (organizations, agencies, workers, certified, volunteers) for random regions
	 * of every level: the counters kept at write time against the naive count over the registry rows, checked equal.
	 */
	static void registries(ConfigurableApplicationContext ctx, JdbcClient jdbc, int samples, int baselineSamples,
			long seed, StringBuilder report) {
		ActorFigures figures = ctx.getBean(ActorFigures.class);
		line(report, "");
		line(report, "## Registry figures of a region: counters kept at write time against COUNT(*) over the rows");
		line(report, "");
		line(report, "| level | counters p50 | p95 | p99 | naive COUNT(*) p50 | p95 | ratio p50 | ratio p95 |");
		line(report, "|---|---|---|---|---|---|---|---|");
		perLevel(jdbc, samples, baselineSamples, seed, new Probe() {
			@Override
			public void fast(RegionCode code, Random random) {
				figures.counts(code);
			}

			@Override
			public Runnable slow(RegionCode code, Random random) {
				ActorFigures.Counts naive = figures.recount(code);
				return () -> {
					ActorFigures.Counts kept = figures.counts(code);
					if (!kept.equals(naive)) {
						throw new IllegalStateException("counters " + kept + " != rows " + naive + " for " + code);
					}
				};
			}
		}, report);
	}

	/** The baseline: the same totals straight from the raw rows. */
	static long naive(JdbcClient jdbc, RegionCode code, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(*), SUM(participants), SUM(beneficiaries), SUM(funds_yuan), SUM(materials_yuan)
				FROM activity
				WHERE region_code >= :from AND region_code < :to AND start_date >= :d1 AND start_date <= :d2
				""").param("from", code.subtreeFrom()).param("to", code.subtreeTo()).param("d1", from).param("d2", to)
			.query((rs, n) -> rs.getLong(1)).single();
	}

	static void writes(ConfigurableApplicationContext ctx, JdbcClient jdbc, long campaign, int writers, int writes,
			long writeSeed, StringBuilder report) throws InterruptedException, IOException {
		ActivityService service = ctx.getBean(ActivityService.class);
		ActivityRollup rollup = ctx.getBean(ActivityRollup.class);
		RegionScope all = new RegionScope(RegionCode.COUNTRY);
		List<String> villages = jdbc.sql("SELECT code FROM region WHERE level = 5 AND code LIKE '15%'")
			.query(String.class).list();
		LocalDate from = LocalDate.of(2025, 1, 1);
		LocalDate to = LocalDate.of(2025, 12, 31);
		ActivityTotals before = rollup.totals(all, RegionCode.COUNTRY, from, to, null);
		long commitsBefore = commits(jdbc);
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Long> warmup = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			int id = w;
			Thread t = new Thread(() -> {
				Random r = new Random(writeSeed * 31 + id);
				try {
					start.await();
				}
				catch (InterruptedException e) {
					return;
				}
				for (int i = 0; i < writes; i++) {
					String village = villages.get(r.nextInt(villages.size()));
					LocalDate day = from.plusDays(r.nextInt(365));
					ActivityInput input = new ActivityInput(village, "bench write " + id + "-" + i, null,
							String.valueOf(1 + r.nextInt(50)), day.toString(), null, null, null,
							List.of("ELDERLY"), String.valueOf(1 + r.nextInt(100)), "10.00", "0", null);
					long t0 = System.nanoTime();
					try {
						service.record(all, campaign, input, "bench-writer");
						(i < WRITE_WARMUP ? warmup : latencies).add(System.nanoTime() - t0);
					}
					catch (RuntimeException ex) {
						failures.incrementAndGet();
						errors.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
					}
				}
			}, "writer-" + w);
			threads.add(t);
			t.start();
		}
		long t0 = System.nanoTime();
		start.countDown();
		for (Thread t : threads) {
			t.join();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		// the server publishes its statistics with a delay of up to a second
		Thread.sleep(1500);
		long commitsDuring = commits(jdbc) - commitsBefore;
		ActivityTotals after = rollup.totals(all, RegionCode.COUNTRY, from, to, null);
		long raw = naive(jdbc, RegionCode.COUNTRY, from, to);
		long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		long[] everyWrite = java.util.stream.LongStream.concat(warmup.stream().mapToLong(Long::longValue), Arrays.stream(l))
			.sorted().toArray();
		line(report, "");
		line(report, String.format(Locale.ROOT, "## %d concurrent writers × %d records through ActivityService.record (write seed %d, load average %s)",
				writers, writes, writeSeed, Files.readString(Path.of("/proc/loadavg")).strip()));
		line(report, "");
		line(report, String.format(Locale.ROOT, "- %d writes in %.1f s (%.0f/s); all writes: latency p50 %s, p95 %s, p99 %s, max %s",
				everyWrite.length, seconds, everyWrite.length / seconds, ms(pct(everyWrite, 50)), ms(pct(everyWrite, 95)), ms(pct(everyWrite, 99)),
				ms(everyWrite.length == 0 ? 0 : everyWrite[everyWrite.length - 1])));
		line(report, String.format(Locale.ROOT, "- after each writer's first %d writes (JIT warm-up, first connections): "
				+ "latency p50 %s, p95 %s, p99 %s, max %s", WRITE_WARMUP, ms(pct(l, 50)), ms(pct(l, 95)), ms(pct(l, 99)),
				ms(l.length == 0 ? 0 : l[l.length - 1])));
		line(report, String.format(Locale.ROOT, "- committed transactions in the database meanwhile: %,d (%.2f per write)",
				commitsDuring, (double) commitsDuring / Math.max(1, everyWrite.length)));
		line(report, "- failures (deadlocks, serialization or other): " + failures.get()
				+ (errors.isEmpty() ? "" : " — first: " + errors.peek()));
		line(report, String.format(Locale.ROOT, "- country totals before %,d, after %,d (expected %,d), raw rows %,d: %s",
				before.activities(), after.activities(), before.activities() + everyWrite.length, raw,
				after.activities() == before.activities() + everyWrite.length && after.activities() == raw ? "exact"
						: "MISMATCH"));
		// freshness: a committed record is in the very next query, at every level
		String village = villages.get(0);
		RegionCode v = RegionCode.parse(village);
		List<RegionCode> chain = v.path();
		Map<RegionCode, Long> counts = new LinkedHashMap<>();
		for (RegionCode c : chain) {
			counts.put(c, rollup.totals(all, c, from, to, null).activities());
		}
		service.record(all, campaign, new ActivityInput(village, "bench freshness", null, "1", "2025-06-01", null,
				null, null, List.of("OTHER"), "1", "0", "0", null), "bench-writer");
		boolean fresh = true;
		for (RegionCode c : chain) {
			fresh &= rollup.totals(all, c, from, to, null).activities() == counts.get(c) + 1;
		}
		line(report, "- freshness: the next query at every level from the village to the country includes the new record: "
				+ (fresh ? "yes" : "NO"));
	}

	/** Transactions committed in this database so far (PostgreSQL statistics). */
	static long commits(JdbcClient jdbc) {
		return jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
			.query(Long.class)
			.single();
	}

	/**
	 * The dashboard page and its JSON under load from wrk (Debian package), with a logged-in session: requests per
	 * second and the latency distribution, for the country, a province and a county over the whole year.
	 */
	static void http(ConfigurableApplicationContext ctx, int seconds, StringBuilder report) throws Exception {
		int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) ctx).getWebServer()
			.getPort();
		org.wushe.access.AccountService accounts = ctx.getBean(org.wushe.access.AccountService.class);
		String user = "bench-leader";
		String password = "bench-leader-password";
		if (!accounts.exists(user)) {
			accounts.createSystemAccount(user, user, RegionCode.COUNTRY, org.wushe.access.Role.ADMIN, password, false);
		}
		String cookie = login(port, user, password);
		line(report, "");
		line(report, "## Dashboard under load (wrk, " + seconds
				+ " s each after a 3 s warm-up, 2 threads, 16 connections, logged-in session; load average "
				+ Files.readString(Path.of("/proc/loadavg")).strip() + ")");
		line(report, "");
		line(report, "| request | answer | bytes per answer under load | requests/s | p50 | p90 | p99 |");
		line(report, "|---|---|---|---|---|---|---|");
		java.net.http.HttpClient check = java.net.http.HttpClient.newHttpClient();
		String period = "from=2025-01-01&to=2025-12-31";
		String[][] targets = { { "JSON, country", "/api/stats/dashboard?region=00&" + period },
				{ "JSON, province 15", "/api/stats/dashboard?region=15&" + period },
				{ "JSON, county 150102", "/api/stats/dashboard?region=150102&" + period },
				{ "page, country", "/stats?region=00&" + period },
				{ "page, province 15", "/stats?region=15&" + period },
				{ "page, county 150102", "/stats?region=150102&" + period } };
		for (String[] t : targets) {
			// the session must get the real answer (not a redirect to the login page): status and size are reported
			java.net.http.HttpResponse<byte[]> answer = check.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + t[1])).header("Cookie", cookie).build(),
					java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(t[1] + " answered " + answer.statusCode());
			}
			// warm-up, not measured: the first answer at a version is computed, and the JIT compiles the hot paths
			new ProcessBuilder("wrk", "-t2", "-c16", "-d3s", "-H", "Cookie: " + cookie, "http://127.0.0.1:" + port + t[1])
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
			Process p = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency", "-H",
					"Cookie: " + cookie, "http://127.0.0.1:" + port + t[1]).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes());
			p.waitFor();
			// what wrk received per answer (headers included): a session that fell back to the login page would show
			double perAnswer = bytes(grab(out, "Transfer/sec:\\s+(\\S+)"))
					/ Double.parseDouble(grab(out, "Requests/sec:\\s+([\\d.]+)"));
			line(report, String.format(Locale.ROOT, "| %s | 200, %,d bytes | %,.0f | %s | %s | %s | %s |", t[0],
					answer.body().length, perAnswer, grab(out, "Requests/sec:\\s+([\\d.]+)"),
					grab(out, "(?m)^\\s+50%\\s+(\\S+)"), grab(out, "(?m)^\\s+90%\\s+(\\S+)"), grab(out, "(?m)^\\s+99%\\s+(\\S+)")));
			if (out.contains("Non-2xx")) {
				line(report, "  - WARNING: non-2xx answers: " + grab(out, "Non-2xx or 3xx responses:\\s+(\\d+)"));
			}
		}
	}

	static String login(int port, String user, String password) throws Exception {
		java.net.CookieManager cookies = new java.net.CookieManager();
		java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
			.followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
		String base = "http://127.0.0.1:" + port;
		String page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString()).body();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + user + "&password=" + password + "&_csrf=" + m.group(1);
		client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding());
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
			.map(c -> "JSESSIONID=" + c.getValue()).findFirst()
			.orElseThrow(() -> new IllegalStateException("login failed"));
	}

	/** wrk's sizes: 12.5KB, 3.1MB (powers of 1024). */
	static double bytes(String size) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d.]+)([KMG]?)B").matcher(size);
		if (!m.matches()) {
			return Double.NaN;
		}
		int power = "KMG".indexOf(m.group(2)) + 1;
		return Double.parseDouble(m.group(1)) * Math.pow(1024, m.group(2).isEmpty() ? 0 : power);
	}

	static String grab(String text, String regex) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
		return m.find() ? m.group(1) : "n/a";
	}

	static LocalDate[] period(Random r) {
		int length = 1 + r.nextInt(365);
		int start = r.nextInt(365 - length + 1);
		LocalDate from = ActivityDataset.YEAR_START.plusDays(start);
		return new LocalDate[] { from, from.plusDays(length - 1) };
	}

}
