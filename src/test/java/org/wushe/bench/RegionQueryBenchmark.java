package org.wushe.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheApplication;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.Regions;

/**
 * Subtree queries on the full region tree, on H2 or PostgreSQL: for random regions at each level from the country down
 * to townships, the latency percentiles of the children list, the count per lower level ({@link Regions#countAt},
 * and the same number read from the region's stored counts, {@link Region#descendantsAt}), the name search inside the
 * subtree and {@code GET /api/regions/{code}} (logged-in session; a few calls with HTTP Basic).
 * <p>
 * In the same run, as a baseline that shares the machine's noise, the same counts and searches the naive way: with
 * {@code code LIKE 'prefix%'} instead of the code range, and by walking {@code parent_code} with a recursive CTE.
 * Every count is checked against the region's stored descendant counts.
 * <p>
 * Not a test: {@code bench/run-foundation.sh} runs it against a database whose tree is already loaded. Arguments:
 * {@code --db=h2|postgres --data-dir=DIR --pg-url=URL --password=ADMIN_PASSWORD --samples=N --seed=N --out=FILE}.
 */
public class RegionQueryBenchmark {

	static final List<RegionLevel> LEVELS = List.of(RegionLevel.COUNTRY, RegionLevel.PROVINCE, RegionLevel.PREFECTURE,
			RegionLevel.COUNTY, RegionLevel.TOWNSHIP);

	static final List<String> OPERATIONS = List.of("children", "countAt", "countAt-village", "stored-count",
			"countAt-like", "countAt-cte", "search", "search-like", "api-session", "api-basic");

	/** A slow operation stops collecting samples at a level once it has used this much time (with at least 5). */
	static final long BUDGET_NANOS = Duration.ofSeconds(10).toNanos();

	static final int SEARCH_LIMIT = 50;

	static final long SKIPPED = Long.MIN_VALUE;

	private final Map<String, Object> options;

	private final JdbcClient jdbc;

	private final Regions regions;

	private final String baseUrl;

	private final Map<RegionLevel, Map<String, Samples>> results = new EnumMap<>(RegionLevel.class);

	private final HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final HttpClient plain = HttpClient.newHttpClient();

	private final String basic;

	/** All village codes, sorted: search terms come from the names of random villages in the subtree. */
	private final List<String> villages = new ArrayList<>();

	/** Nanoseconds of the last {@link #time} call (0 when it was skipped). */
	private long lastElapsed;

	RegionQueryBenchmark(Map<String, Object> options, JdbcClient jdbc, Regions regions, String baseUrl) {
		this.options = options;
		this.jdbc = jdbc;
		this.regions = regions;
		this.baseUrl = baseUrl;
		this.basic = "Basic " + Base64.getEncoder()
			.encodeToString(("admin:" + options.get("password")).getBytes(StandardCharsets.UTF_8));
	}

	public static void main(String[] args) throws Exception {
		Map<String, Object> options = parse(args);
		String db = (String) options.get("db");
		// command-line properties, so that they win over application.properties
		List<String> properties = new ArrayList<>(List.of("--server.port=0", "--wushe.demo.enabled=false",
				"--wushe.admin.password=" + options.get("password"), "--wushe.regions.load=foreground",
				"--logging.level.root=WARN", "--logging.level.org.wushe.region=INFO", "--spring.main.banner-mode=off"));
		SpringApplicationBuilder app = new SpringApplicationBuilder(WusheApplication.class);
		if ("postgres".equals(db)) {
			app.profiles("postgres");
			properties.add("--spring.datasource.url=" + options.get("pg-url"));
		}
		else {
			properties.add("--wushe.data-dir=" + options.get("data-dir"));
		}
		try (ConfigurableApplicationContext context = app.run(properties.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RegionQueryBenchmark benchmark = new RegionQueryBenchmark(options, context.getBean(JdbcClient.class),
					context.getBean(Regions.class), "http://localhost:" + port);
			String report = benchmark.run(describe(context.getBean(DataSource.class)));
			System.out.println(report);
			Path out = Path.of((String) options.get("out"));
			if (out.getParent() != null) {
				Files.createDirectories(out.getParent());
			}
			Files.writeString(out, report);
		}
	}

	String run(String database) throws Exception {
		if (!regions.isReady()) {
			throw new IllegalStateException("The region tree is not loaded");
		}
		long indexStarted = System.nanoTime();
		while (!regions.nameIndexReady()) {
			Thread.sleep(50);
		}
		System.out.printf("region name index ready after %d ms%n", (System.nanoTime() - indexStarted) / 1_000_000);
		long total = jdbc.sql("SELECT COUNT(*) FROM region").query(Long.class).single();
		int samples = (int) options.get("samples");
		Random random = new Random((long) options.get("seed"));
		villages.addAll(jdbc.sql("SELECT code FROM region WHERE level = 5").query(String.class).list());
		villages.sort(null);
		Map<RegionLevel, List<RegionCode>> picks = new EnumMap<>(RegionLevel.class);
		for (RegionLevel level : LEVELS) {
			List<String> codes = jdbc.sql("SELECT code FROM region WHERE level = :level ORDER BY code")
				.param("level", level.number())
				.query(String.class)
				.list();
			List<RegionCode> chosen = new ArrayList<>();
			for (int i = 0; i < samples; i++) {
				chosen.add(new RegionCode(codes.get(random.nextInt(codes.size()))));
			}
			picks.put(level, chosen);
		}
		logIn();
		// warm-up: a tenth of the samples (at least 3 per level), not recorded
		for (RegionLevel level : LEVELS) {
			for (RegionCode code : picks.get(level).subList(0, Math.max(3, samples / 10))) {
				measure(code, random, null);
			}
		}
		for (RegionLevel level : LEVELS) {
			Map<String, Samples> byOperation = new LinkedHashMap<>();
			OPERATIONS.forEach(op -> byOperation.put(op, new Samples()));
			results.put(level, byOperation);
			for (RegionCode code : picks.get(level)) {
				measure(code, random, byOperation);
			}
		}
		return report(database, total, samples);
	}

	/**
	 * All operations once for one region, in a random order, so that all of them see the same noise and none profits
	 * from pages that another one has just read.
	 */
	private void measure(RegionCode code, Random random, Map<String, Samples> into) {
		Region region = regions.get(code);
		String prefix = code.isCountry() ? "" : code.value();
		List<Runnable> steps = new ArrayList<>();
		steps.add(() -> time(into, "children", () -> regions.children(code).size()));
		for (RegionLevel level : RegionLevel.values()) {
			if (!level.isBelow(region.level())) {
				continue;
			}
			long expected = region.descendantsAt(level);
			steps.add(() -> {
				check(time(into, "countAt", () -> regions.countAt(code, level)), expected, code, level);
				if (level == RegionLevel.VILLAGE && into != null && lastElapsed > 0) {
					into.get("countAt-village").add(lastElapsed); // the largest count, reported on its own too
				}
			});
			steps.add(() -> check(time(into, "stored-count", () -> regions.get(code).descendantsAt(level)), expected,
					code, level));
			steps.add(() -> check(time(into, "countAt-like", () -> jdbc
				.sql("SELECT COUNT(*) FROM region WHERE level = :level AND code LIKE :prefix")
				.param("level", level.number())
				.param("prefix", prefix + "%")
				.query(Long.class)
				.single()), expected, code, level));
			if (into != null) { // the recursive walk is only measured, not warmed up: it is slow on big subtrees
				steps.add(() -> check(time(into, "countAt-cte", () -> jdbc.sql("""
						WITH RECURSIVE sub (code, level) AS (
						  SELECT code, level FROM region WHERE code = :code
						  UNION ALL
						  SELECT r.code, r.level FROM region r JOIN sub ON r.parent_code = sub.code
						  WHERE r.level <= :level
						)
						SELECT COUNT(*) FROM sub WHERE level = :level
						""").param("code", code.value()).param("level", level.number()).query(Long.class).single()),
						expected, code, level));
			}
		}
		String term = searchTerm(code, random);
		steps.add(() -> time(into, "search", () -> regions.search(term, code, SEARCH_LIMIT).size()));
		steps.add(() -> time(into, "search-like", () -> jdbc.sql("""
				SELECT code, name FROM region
				WHERE code LIKE :prefix AND name LIKE :pattern
				ORDER BY level, code
				LIMIT :limit
				""")
			.param("prefix", prefix + "%")
			.param("pattern", "%" + term + "%")
			.param("limit", SEARCH_LIMIT)
			.query((rs, n) -> rs.getString(1))
			.list()
			.size()));
		steps.add(() -> time(into, "api-session", () -> get(session, "/api/regions/" + code.value(), null)));
		// HTTP Basic checks the password hash on every call; a few samples show that cost
		if (into == null || into.get("api-basic").size() < 20) {
			steps.add(() -> time(into, "api-basic", () -> get(plain, "/api/regions/" + code.value(), basic)));
		}
		Collections.shuffle(steps, random);
		steps.forEach(Runnable::run);
	}

	/**
	 * The first two characters of the name of a random village in the subtree, as a user would start typing it.
	 */
	private String searchTerm(RegionCode code, Random random) {
		int from = insertionPoint(code.subtreeFrom());
		int to = insertionPoint(code.subtreeTo());
		RegionCode village = from < to ? new RegionCode(villages.get(from + random.nextInt(to - from))) : code;
		String name = regions.get(village).name();
		return name.substring(0, Math.min(2, name.length()));
	}

	private int insertionPoint(String code) {
		int i = Collections.binarySearch(villages, code);
		return i >= 0 ? i : -i - 1;
	}

	private static void check(long actual, long expected, RegionCode code, RegionLevel level) {
		if (actual != SKIPPED && actual != expected) {
			throw new IllegalStateException(
					"count of " + level + " under " + code + ": " + actual + ", stored " + expected);
		}
	}

	/** Runs and times {@code work}; answers {@link #SKIPPED} without running it once its budget is used up. */
	private long time(Map<String, Samples> into, String operation, LongSupplier work) {
		Samples samples = into == null ? null : into.get(operation);
		lastElapsed = 0;
		if (samples != null && samples.exhausted()) {
			return SKIPPED;
		}
		long start = System.nanoTime();
		long result = work.getAsLong();
		lastElapsed = System.nanoTime() - start;
		if (samples != null) {
			samples.add(lastElapsed);
		}
		return result;
	}

	private void logIn() throws IOException, InterruptedException {
		String page = session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=admin&password=" + URLEncoder.encode((String) options.get("password"),
				StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("login as admin failed: " + login.statusCode() + " " + location);
		}
	}

	private long get(HttpClient client, String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body().length;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String report(String database, long total, int samples) {
		StringBuilder out = new StringBuilder();
		out.append("### Subtree queries on ").append(database).append("\n\n");
		out.append("Dataset: ").append(total).append(" regions. Samples: ").append(samples)
			.append(" random regions per level (seed ").append(options.get("seed"))
			.append("; the country level repeats its one region). Times in ms.\n\n");
		out.append("| level | operation | n | p50 | p95 | p99 |\n|---|---|---:|---:|---:|---:|\n");
		for (RegionLevel level : LEVELS) {
			for (Map.Entry<String, Samples> e : results.get(level).entrySet()) {
				Samples s = e.getValue();
				if (s.size() == 0) {
					continue;
				}
				out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s |%n", label(level), e.getKey(),
						s.size(), ms(s.percentile(50)), ms(s.percentile(95)), ms(s.percentile(99))));
			}
		}
		out.append("\nBaseline ratios (p50 of the naive query / p50 of Wushe's query, same run; > 1 means Wushe is ")
			.append("faster):\n\n| level | count: LIKE prefix | count: recursive CTE | search: LIKE prefix |\n")
			.append("|---|---:|---:|---:|\n");
		for (RegionLevel level : LEVELS) {
			Map<String, Samples> r = results.get(level);
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label(level),
					ratio(r.get("countAt-like"), r.get("countAt")), ratio(r.get("countAt-cte"), r.get("countAt")),
					ratio(r.get("search-like"), r.get("search"))));
		}
		return out.toString();
	}

	private static String label(RegionLevel level) {
		return level.name().toLowerCase(Locale.ROOT);
	}

	private static String ratio(Samples naive, Samples ours) {
		return String.format(Locale.ROOT, "%.1f×", (double) naive.percentile(50) / ours.percentile(50));
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
	}

	private static String describe(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
		}
	}

	private static Map<String, Object> parse(String[] args) {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("db", "h2");
		options.put("data-dir", "./bench-results/foundation/h2");
		options.put("pg-url", "jdbc:postgresql://127.0.0.1:5432/wushe_bench");
		options.put("password", "bench-admin-password");
		options.put("samples", 100);
		options.put("seed", 20231L);
		options.put("out", "bench-results/foundation/queries.md");
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("expected --name=value: " + arg);
			}
			String name = arg.substring(2, arg.indexOf('='));
			String value = arg.substring(arg.indexOf('=') + 1);
			if (!options.containsKey(name)) {
				throw new IllegalArgumentException("unknown option --" + name);
			}
			Object old = options.get(name);
			options.put(name, old instanceof Integer ? Integer.valueOf(value)
					: old instanceof Long ? Long.valueOf(value) : value);
		}
		return options;
	}

	/** Latencies of one operation at one level. */
	static final class Samples {

		private final List<Long> nanos = new ArrayList<>();

		private long spent;

		void add(long elapsed) {
			nanos.add(elapsed);
			spent += elapsed;
		}

		int size() {
			return nanos.size();
		}

		boolean exhausted() {
			return nanos.size() >= 5 && spent > BUDGET_NANOS;
		}

		/** Nearest-rank percentile. */
		long percentile(int p) {
			List<Long> sorted = new ArrayList<>(nanos);
			sorted.sort(null);
			int rank = (int) Math.ceil(p / 100.0 * sorted.size());
			return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
		}

	}

}
