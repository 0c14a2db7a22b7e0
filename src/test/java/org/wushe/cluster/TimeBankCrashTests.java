package org.wushe.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.wushe.cluster.CrashTests.count;
import static org.wushe.cluster.CrashTests.number;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wushe.support.NodeProcess;
import org.wushe.support.TestDatabase;

/**
 * Random time-bank transfers (grants from two county pools to key elders, elders' redemptions) sent over HTTP by
 * concurrent callers, each with its own {@code Idempotency-Key}, while the node is killed with SIGKILL; a new node on
 * the same database, and every request sent again twice with its key: the ledger sums to zero, every transfer is two
 * postings summing to zero, every balance equals its postings, no request was applied twice, a request answered
 * before the kill answers the same transfer again, and a request is applied exactly when its key is stored.
 */
@Tag("integration")
class TimeBankCrashTests {

	static final int CALLERS = 6;

	/** Transfers answered before the node is killed. */
	static final int BEFORE_KILL = 300;

	final CrashTests http = new CrashTests();

	@Test
	void aKilledNodeAppliesEveryTransferOnceAndLeavesTheLedgerBalanced() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "a node process of its own on the PostgreSQL test server");
		String schema = NodeProcess.newSchema();
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		String run = "tb-" + Long.toString(System.nanoTime() % 1_000_000, 36);
		Map<String, String> sent = new ConcurrentHashMap<>();
		Map<String, Long> answered = new ConcurrentHashMap<>();
		AtomicBoolean stop = new AtomicBoolean();
		try {
			try (NodeProcess first = NodeProcess.start("timebank-crash-1", schema, Duration.ofMinutes(4));
					Connection db = NodeProcess.connect(schema)) {
				List<Long> pools = new ArrayList<>();
				List<Long> elders = new ArrayList<>();
				for (String county : List.of("150102", "150103")) {
					pools.add(open(first.url(), "{\"kind\":\"POOL\",\"regionCode\":\"" + county + "\"}"));
					for (int i = 0; i < 10; i++) {
						elders.add(open(first.url(), "{\"kind\":\"ELDER\",\"regionCode\":\"" + county
								+ "\",\"personId\":" + (pools.size() * 100 + i) + "}"));
					}
				}
				long clearing = count(db, "SELECT id FROM timebank_account WHERE kind = 'CLEARING'");
				AtomicInteger next = new AtomicInteger();
				List<Future<?>> running = new ArrayList<>();
				for (int c = 0; c < CALLERS; c++) {
					long seed = c;
					running.add(callers.submit(() -> {
						Random r = new Random(seed);
						while (!stop.get()) {
							String key = run + "-" + next.incrementAndGet();
							String body = r.nextInt(3) < 2
									? transfer(pools.get(r.nextInt(pools.size())), elders.get(r.nextInt(elders.size())),
											1 + r.nextInt(5), "GRANT", key)
									: transfer(elders.get(r.nextInt(elders.size())), clearing, 1 + r.nextInt(3),
											"REDEMPTION", key);
							sent.put(key, body);
							try {
								HttpResponse<String> answer = post(first.url(), body, key);
								if (answer.statusCode() == 201) {
									answered.put(key, number(answer.body(), "id"));
								}
								else {
									assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
								}
							}
							catch (java.io.IOException ex) {
								// the node was killed while this one was on its way
								return null;
							}
						}
						return null;
					}));
				}
				long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
				while (answered.size() < BEFORE_KILL && System.nanoTime() < deadline) {
					Thread.sleep(100);
				}
				first.kill();
				stop.set(true);
				for (Future<?> f : running) {
					f.get(60, TimeUnit.SECONDS);
				}
			}
			assertThat(answered.size()).as("transfers answered before the kill").isGreaterThanOrEqualTo(BEFORE_KILL);

			try (NodeProcess second = NodeProcess.start("timebank-crash-2", schema, Duration.ofMinutes(3));
					Connection db = NodeProcess.connect(schema)) {
				assertBalanced(db, run);
				for (Map.Entry<String, Long> e : answered.entrySet()) {
					assertThat(count(db, "SELECT COUNT(*) FROM timebank_transfer WHERE memo = ? AND id = ?", e.getKey(),
							e.getValue())).as(e.getKey()).isEqualTo(1);
				}

				// every request sent again, twice: an applied one answers its transfer, nothing is applied twice
				List<Future<?>> retries = new ArrayList<>();
				for (Map.Entry<String, String> e : sent.entrySet()) {
					retries.add(callers.submit(() -> {
						HttpResponse<String> again = post(second.url(), e.getValue(), e.getKey());
						HttpResponse<String> third = post(second.url(), e.getValue(), e.getKey());
						Long before = answered.get(e.getKey());
						if (before != null) {
							assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
							assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
							assertThat(number(again.body(), "id")).isEqualTo(before);
						}
						if (again.statusCode() == 201) {
							assertThat(third.statusCode()).isEqualTo(201);
							assertThat(third.headers().firstValue("Idempotent-Replayed")).hasValue("true");
							assertThat(number(third.body(), "id")).isEqualTo(number(again.body(), "id"));
						}
						else {
							assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
						}
						return null;
					}));
				}
				for (Future<?> f : retries) {
					f.get(120, TimeUnit.SECONDS);
				}
				assertBalanced(db, run);
				HttpResponse<String> reconciliation = http.send(second.url(), "/api/timebank/reconciliation", null, null,
						null);
				assertThat(reconciliation.statusCode()).isEqualTo(200);
				assertThat(reconciliation.body()).contains("\"postingsSum\":0").contains("\"mismatches\":[]");
			}
		}
		finally {
			stop.set(true);
			callers.shutdownNow();
			NodeProcess.dropSchema(schema);
		}
	}

	/** The ledger's invariants, and every request of the run applied at most once, exactly when its key is stored. */
	static void assertBalanced(Connection db, String run) throws Exception {
		assertThat(count(db, "SELECT COALESCE(SUM(minutes), 0) FROM timebank_posting")).isZero();
		assertThat(count(db, """
				SELECT COUNT(*) FROM timebank_transfer t
				WHERE (SELECT COUNT(*) FROM timebank_posting p WHERE p.transfer_id = t.id) <> 2
				   OR (SELECT SUM(p.minutes) FROM timebank_posting p WHERE p.transfer_id = t.id) <> 0
				""")).isZero();
		assertThat(count(db, """
				SELECT COUNT(*) FROM timebank_account a
				WHERE a.balance_minutes <> (SELECT COALESCE(SUM(p.minutes), 0) FROM timebank_posting p
				                            WHERE p.account_id = a.id)
				""")).isZero();
		assertThat(count(db, "SELECT COUNT(*) FROM timebank_transfer WHERE memo LIKE ?", run + "-%")).isPositive();
		assertThat(count(db, """
				SELECT COUNT(*) FROM (SELECT memo FROM timebank_transfer WHERE memo LIKE ? GROUP BY memo
				                      HAVING COUNT(*) > 1) twice
				""", run + "-%")).as("requests applied twice").isZero();
		assertThat(count(db, """
				SELECT COUNT(*) FROM timebank_transfer t
				WHERE t.memo LIKE ? AND NOT EXISTS (SELECT 1 FROM timebank_request q
				                                    WHERE q.transfer_id = t.id AND q.request_key = t.memo)
				""", run + "-%")).as("transfers without their key").isZero();
	}

	long open(String node, String body) throws Exception {
		HttpResponse<String> opened = http.send(node, "/api/timebank/accounts", "application/json",
				body.getBytes(StandardCharsets.UTF_8), null);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		return number(opened.body(), "id");
	}

	HttpResponse<String> post(String node, String body, String key) throws Exception {
		return http.send(node, "/api/timebank/transfers", "application/json", body.getBytes(StandardCharsets.UTF_8),
				key);
	}

	static String transfer(long from, long to, int minutes, String kind, String memo) {
		return """
				{"fromAccountId":%d,"toAccountId":%d,"minutes":%d,"kind":"%s","memo":"%s"}"""
			.formatted(from, to, minutes, kind, memo);
	}

}
