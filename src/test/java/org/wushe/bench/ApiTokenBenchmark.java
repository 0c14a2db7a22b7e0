package org.wushe.bench;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.wushe.WusheApplication;

/**
 * API calls with an API token against the same calls with HTTP Basic, in one run on one fresh embedded database:
 * {@code GET /api/regions/150102} {@code N} times each (default 1,000), alternating, after a warm-up. Basic checks the
 * password hash (bcrypt) on every call; the token is one SHA-256 and a memory look-up, plus the audit row of its use.
 * Also times the token check alone (the look-up behind {@code Authorization: Bearer}).
 * <p>
 * Not a test: {@code ./mvnw -q test-compile} then {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.wushe.bench.ApiTokenBenchmark [calls]}, with the class path from {@code ./mvnw dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}.
 */
public final class ApiTokenBenchmark {

	private static final String PASSWORD = "bench-admin-password";

	public static void main(String[] args) throws Exception {
		int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		Path dir = Files.createTempDirectory("wushe-token-bench");
		String[] properties = { "--server.port=0", "--wushe.demo.enabled=false", "--wushe.admin.password=" + PASSWORD,
				"--wushe.regions.load=foreground", "--wushe.regions.only=15", "--wushe.data-dir=" + dir,
				"--logging.level.root=WARN", "--spring.main.banner-mode=off" };
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WusheApplication.class)
			.run(properties)) {
			String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			String basic = "Basic "
					+ Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
				.header("Authorization", basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"expiresAt\":\""
						+ LocalDate.now().plusDays(1) + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(created.body());
			if (created.statusCode() != 201 || !m.find()) {
				throw new IllegalStateException("token not created: " + created.statusCode() + " " + created.body());
			}
			String bearer = "Bearer " + m.group(1);
			URI uri = URI.create(base + "/api/regions/150102");
			for (int i = 0; i < 50; i++) {
				call(http, uri, bearer);
				call(http, uri, basic);
			}
			long[] token = new long[calls];
			long[] password = new long[calls];
			for (int i = 0; i < calls; i++) {
				token[i] = call(http, uri, bearer);
				password[i] = call(http, uri, basic);
			}
			System.out.println(line("Bearer token", token));
			System.out.println(line("HTTP Basic", password));

			Object tokens = context.getBean(Class.forName("org.wushe.access.ApiTokens"));
			Method check = tokens.getClass().getDeclaredMethod("check", String.class);
			check.setAccessible(true);
			String secret = m.group(1);
			for (int i = 0; i < 10_000; i++) {
				check.invoke(tokens, secret);
			}
			int n = 100_000;
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				check.invoke(tokens, secret);
			}
			System.out.printf(Locale.ROOT, "token check alone: %.2f µs per check (%d checks)%n",
					(System.nanoTime() - start) / 1000.0 / n, n);
		}
	}

	private static long call(HttpClient http, URI uri, String authorization) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofString());
		long elapsed = System.nanoTime() - start;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(authorization.substring(0, 6) + " answered " + response.statusCode());
		}
		return elapsed;
	}

	private static String line(String label, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double total = Arrays.stream(sorted).sum() / 1e6;
		return String.format(Locale.ROOT, "%-13s %5d calls: total %8.0f ms, mean %6.2f ms, p50 %6.2f ms, p95 %6.2f ms, p99 %6.2f ms",
				label, sorted.length, total, total / sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
	}

	private static double ms(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
	}

}
