package org.wushe.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wushe.actor.ActorTestData;
import org.wushe.bench.VolunteerImportBenchmark;
import org.wushe.support.NodeProcess;
import org.wushe.support.TestDatabase;

/**
 * A node killed with SIGKILL while it runs a 100,000-row all-or-nothing volunteer import, report submissions and a
 * burst of volunteer registrations sent with idempotency keys; a new node started on the same database then shows
 * that nothing is half-stored: none of the import's rows and its job failed, every report version whole and every
 * report pointing at its last version, every registration stored exactly when its key was recorded, the registry
 * counters equal to a count of the raw rows, and a retry of every key creating each volunteer once.
 */
@Tag("integration")
class CrashTests {

	static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-root-pass-7".getBytes(StandardCharsets.UTF_8));

	static final int ROWS = 100_000;

	static final int MAX_BURST = 120;

	/** The leagues (cities) of Inner Mongolia that report in the crash campaign. */
	static final String[] LEAGUES = { "1501", "1502", "1503", "1504", "1505", "1506", "1507", "1508", "1509" };

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aKilledNodeLeavesNothingHalfStored() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "a node process of its own on the PostgreSQL test server");
		String schema = NodeProcess.newSchema();
		Path workbook = Files.createTempFile("crash-volunteers", ".xlsx");
		ExecutorService writers = Executors.newFixedThreadPool(4);
		String run = Long.toString(System.nanoTime() % 1_000_000, 36);
		Map<String, String> burst = new ConcurrentHashMap<>();
		AtomicInteger burstAnswered = new AtomicInteger();
		AtomicInteger submissions = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		String importId;
		try {
			VolunteerImportBenchmark.write(workbook, ROWS, 0);
			try (NodeProcess first = NodeProcess.start("crash-node-1", schema, Duration.ofMinutes(4))) {
				long campaign = createCampaign(first.url());
				// one activity in each league, so that every submitted version holds rows to be frozen whole
				for (String league : LEAGUES) {
					HttpResponse<String> recorded = send(first.url(), "/api/campaigns/" + campaign + "/activities",
							"application/json", """
									{"regionCode": "%s02", "name": "关爱老人", "units": "社工站", "participants": 12,
									 "startDate": "%s", "place": "社区", "content": "探访", "domains": ["老年人"],
									 "beneficiaries": 5, "fundsYuan": "100", "materialsYuan": "0"}
									""".formatted(league, LocalDate.now(ZoneId.of("Asia/Shanghai")))
								.getBytes(StandardCharsets.UTF_8), null);
					assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
				}
				HttpResponse<String> started = send(first.url(), "/api/volunteers/import",
						"multipart/form-data; boundary=crash", multipart(workbook), null);
				assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
				importId = text(started.body(), "id");

				// report submissions, one after another, for the leagues and deadlines in turn
				List<Future<?>> running = new ArrayList<>();
				running.add(writers.submit(() -> {
					String[] leagues = LEAGUES;
					for (int i = 0; !stop.get(); i++) {
						String path = "/api/campaigns/" + campaign + "/reports/" + (1 + i % 2) + "/submit?regionCode="
								+ leagues[i % leagues.length];
						try {
							if (send(first.url(), path, "application/json", "{\"reporter\":\"张三\"}".getBytes(StandardCharsets.UTF_8),
									null).statusCode() == 200) {
								submissions.incrementAndGet();
							}
						}
						catch (Exception ex) {
							return null;
						}
					}
					return null;
				}));
				// a burst of registrations, each with its own key
				AtomicInteger next = new AtomicInteger();
				for (int t = 0; t < 3; t++) {
					running.add(writers.submit(() -> {
						while (!stop.get()) {
							int i = next.incrementAndGet();
							if (i > MAX_BURST) {
								return null;
							}
							String key = "crash-" + run + "-" + i;
							String body = """
									{"name":"%s","idNumber":"%s","regionCode":"150105"}"""
								.formatted(key, ActorTestData.idNumber("150105"));
							burst.put(key, body);
							try {
								HttpResponse<String> answer = send(first.url(), "/api/volunteers", "application/json",
										body.getBytes(StandardCharsets.UTF_8), key);
								assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
								burstAnswered.incrementAndGet();
							}
							catch (java.io.IOException ex) {
								// the node was killed while this one was on its way
								return null;
							}
						}
						return null;
					}));
				}

				// kill the node once the import is well under way and the other writes have been going on a while
				long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
				long rowsRead = 0;
				while (System.nanoTime() < deadline && (rowsRead < 2_000 || burstAnswered.get() < 20)) {
					Thread.sleep(1_000);
					HttpResponse<String> job = send(first.url(), "/api/volunteers/import/" + importId, null, null, null);
					rowsRead = number(job.body(), "rowsRead");
					assertThat(text(job.body(), "state")).isIn("QUEUED", "RUNNING");
				}
				assertThat(rowsRead).as("import progress before the kill").isGreaterThanOrEqualTo(2_000);
				first.kill();
				stop.set(true);
				for (Future<?> f : running) {
					f.get(60, TimeUnit.SECONDS);
				}
			}
			assertThat(submissions.get()).as("reports submitted before the kill").isPositive();

			try (NodeProcess second = NodeProcess.start("crash-node-2", schema, Duration.ofMinutes(3));
					Connection db = NodeProcess.connect(schema)) {
				// the import: none of its rows, and its job failed (once its heartbeat is older than a minute)
				assertThat(count(db, "SELECT COUNT(*) FROM volunteer WHERE name LIKE '志愿者%'")).isZero();
				String state = "RUNNING";
				long lost = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
				while (!state.equals("FAILED") && System.nanoTime() < lost) {
					HttpResponse<String> job = send(second.url(), "/api/volunteers/import/" + importId, null, null, null);
					assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
					state = text(job.body(), "state");
					assertThat(state).isIn("QUEUED", "RUNNING", "FAILED");
					if (!state.equals("FAILED")) {
						Thread.sleep(2_000);
					}
				}
				assertThat(state).isEqualTo("FAILED");

				// the reports: every version whole, every report at its last version, submitted exactly when it has one
				assertThat(count(db, "SELECT COUNT(*) FROM progress_report_version WHERE activities > 0")).isPositive();
				assertThat(count(db, """
						SELECT COUNT(*) FROM progress_report_version v
						WHERE v.activities <> (SELECT COUNT(*) FROM progress_report_row r WHERE r.version_id = v.id)
						   OR v.participants <> (SELECT COALESCE(SUM(r.participants), 0) FROM progress_report_row r
						                         WHERE r.version_id = v.id)
						""")).isZero();
				assertThat(count(db, """
						SELECT COUNT(*) FROM progress_report p
						WHERE p.current_version <> (SELECT COALESCE(MAX(v.version), 0) FROM progress_report_version v
						                            WHERE v.report_id = p.id)
						   OR (p.first_submitted_at IS NULL) <> (p.current_version = 0)
						""")).isZero();

				// the burst: a registration is stored exactly when its key's answer is recorded
				int recorded = 0;
				for (String key : burst.keySet()) {
					long stored = count(db, "SELECT COUNT(*) FROM volunteer WHERE name = ?", key);
					long keyed = count(db, "SELECT COUNT(*) FROM idempotent_request WHERE idem_key = ? AND status = 201", key);
					assertThat(stored).as(key).isEqualTo(keyed).isLessThanOrEqualTo(1);
					recorded += (int) keyed;
				}
				assertThat(recorded).isGreaterThanOrEqualTo(burstAnswered.get());
				assertTalliesMatchTheRows(db);

				// retried on the new node, every key creates its volunteer once; a recorded one answers as before
				List<Future<?>> retries = new ArrayList<>();
				for (Map.Entry<String, String> e : burst.entrySet()) {
					retries.add(writers.submit(() -> {
						HttpResponse<String> answer = send(second.url(), "/api/volunteers", "application/json",
								e.getValue().getBytes(StandardCharsets.UTF_8), e.getKey());
						assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
						HttpResponse<String> again = send(second.url(), "/api/volunteers", "application/json",
								e.getValue().getBytes(StandardCharsets.UTF_8), e.getKey());
						assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
						assertThat(again.body()).isEqualTo(answer.body());
						return null;
					}));
				}
				for (Future<?> f : retries) {
					f.get(120, TimeUnit.SECONDS);
				}
				for (String key : burst.keySet()) {
					assertThat(count(db, "SELECT COUNT(*) FROM volunteer WHERE name = ?", key)).as(key).isEqualTo(1);
				}
				assertTalliesMatchTheRows(db);
			}
		}
		finally {
			stop.set(true);
			writers.shutdownNow();
			Files.deleteIfExists(workbook);
			NodeProcess.dropSchema(schema);
		}
	}

	/** The registry counters of every region equal a count of the raw rows of its subtree. */
	static void assertTalliesMatchTheRows(Connection db) throws SQLException {
		assertThat(count(db, """
				SELECT COUNT(*) FROM actor_tally t
				WHERE t.category = 'VOLUNTEER'
				  AND t.entries <> (SELECT COUNT(*) FROM volunteer v WHERE v.status <> 'WITHDRAWN'
				                    AND (t.region_code = '00' OR v.region_code LIKE t.region_code || '%'))
				""")).isZero();
		assertThat(count(db, "SELECT COALESCE(MAX(entries), 0) FROM actor_tally WHERE category = 'VOLUNTEER'"))
			.isEqualTo(count(db, "SELECT COUNT(*) FROM volunteer WHERE status <> 'WITHDRAWN'"));
	}

	long createCampaign(String node) throws Exception {
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
		HttpResponse<String> created = send(node, "/api/campaigns", "application/json", """
				{"name": "crash-%d", "theme": "t", "regionCode": "15", "reportingLevel": 2,
				 "startDate": "%s", "endDate": "%s", "deadlines": ["%s", "%s"]}
				""".formatted(System.nanoTime(), today.minusDays(5), today.plusDays(10), now.plus(5, ChronoUnit.DAYS),
				now.plus(6, ChronoUnit.DAYS)).getBytes(StandardCharsets.UTF_8), null);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return number(created.body(), "id");
	}

	HttpResponse<String> send(String node, String path, String type, byte[] body, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", ADMIN);
		if (body != null) {
			request.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static byte[] multipart(Path file) throws java.io.IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write("--crash\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nALL\r\n".getBytes(StandardCharsets.UTF_8));
		out.write(("--crash\r\nContent-Disposition: form-data; name=\"file\"; filename=\"volunteers.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.write(Files.readAllBytes(file));
		out.write("\r\n--crash--\r\n".getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	static long count(Connection db, String sql, Object... params) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	static String text(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return m.group(1);
	}

	static long number(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return Long.parseLong(m.group(1));
	}

}
