package org.wushe.bench;

import static org.wushe.bench.BenchReport.line;
import static org.wushe.bench.BenchReport.load;
import static org.wushe.bench.BenchReport.ms;
import static org.wushe.bench.BenchReport.pct;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.volunteering.TimeBank;

/**
 * Time-bank transfers through {@code TimeBank.transfer} (what {@code POST /api/timebank/transfers} calls) from
 * concurrent callers for a fixed time: donations from volunteers' personal accounts to county pools, grants from the
 * pools to key elders, and elders' redemptions; one caller in twenty sends a request again with the same
 * idempotency key. Afterwards: every retry answered the first transfer, the transfers table grew by exactly the
 * transfers answered as new, and the reconciliation finds every balance equal to its postings and all postings
 * summing to zero. Same-run baseline: the same number of callers reading an account by primary key for a few seconds
 * (through the service, or {@code GET /api/timebank/accounts/{id}} over HTTP), in reads per second.
 */
final class TimeBankLoad {

	private static final String[] COUNTIES = { "150102", "150103", "150104", "150105" };

	private final TimeBank bank;

	private final JdbcClient jdbc;

	private final StringBuilder report;

	private final List<Long> personal = new ArrayList<>();

	private final List<Long> pools = new ArrayList<>();

	private final List<Long> elders = new ArrayList<>();

	private final long clearing;

	private final Random random = new Random(7);

	TimeBankLoad(ConfigurableApplicationContext ctx, List<Long> volunteers, StringBuilder report) {
		this.bank = ctx.getBean(TimeBank.class);
		this.jdbc = ctx.getBean(JdbcClient.class);
		this.report = report;
		for (long v : volunteers) {
			bank.accounts(VolunteeringBenchmark.ALL, v, null, null, null).forEach(a -> personal.add(a.id()));
		}
		for (String county : COUNTIES) {
			pools.add(bank.open(VolunteeringBenchmark.ALL, new TimeBank.OpenInput("POOL", county, null, null, null)).id());
		}
		long base = 900_000_000L + System.nanoTime() % 1_000_000 * 1000;
		for (int i = 0; i < 200; i++) {
			elders.add(bank.open(VolunteeringBenchmark.ALL,
					new TimeBank.OpenInput("ELDER", COUNTIES[i % COUNTIES.length], null, null, base + i)).id());
		}
		this.clearing = bank.clearing().id();
	}

	/** A personal account read by primary key through the service: the same-run baseline. */
	long baselineRead() {
		long t0 = System.nanoTime();
		bank.account(VolunteeringBenchmark.ALL, personal.get(random.nextInt(personal.size())));
		return System.nanoTime() - t0;
	}

	/** One way of sending a transfer: answers the transfer's id and whether it was a replay, or throws a refusal. */
	interface Sender {

		long[] send(int caller, String key, TimeBank.TransferInput in) throws Exception;

	}

	/** How long the same-run baseline of reads runs, in seconds. */
	private static final int BASELINE_SECONDS = 5;

	/** Through the service, as the API calls it. */
	void run(int callers, int seconds) throws InterruptedException {
		run(callers, seconds, "TimeBank.transfer", (caller, key, in) -> {
			TimeBank.Outcome o = bank.transfer(VolunteeringBenchmark.ALL, "bench-" + caller, key, in);
			return new long[] { o.transfer().id(), o.replayed() ? 1 : 0 };
		}, r -> bank.account(VolunteeringBenchmark.ALL, pick(r, personal)), "TimeBank.account");
	}

	/** Over HTTP: {@code POST /api/timebank/transfers} with an {@code Idempotency-Key} and an administrator's API token. */
	void runHttp(String url, int callers, int seconds) throws InterruptedException {
		java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.build();
		String basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString("admin:test-root-pass-7".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String auth;
		try {
			// an API token, as an integration calls: HTTP Basic would hash the password (bcrypt) on every call
			java.net.http.HttpResponse<String> created = http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(url + "/api/tokens"))
				.header("Authorization", basic)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-timebank\",\"expiresAt\":\""
						+ java.time.LocalDate.now().plusDays(1) + "\"}"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			java.util.regex.Matcher t = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(created.body());
			if (created.statusCode() != 201 || !t.find()) {
				throw new IllegalStateException("token not created: " + created.statusCode() + " " + created.body());
			}
			auth = "Bearer " + t.group(1);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
		String token = auth;
		Reader read = r -> {
			java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(url + "/api/timebank/accounts/" + pick(r, personal)))
				.header("Authorization", token)
				.GET()
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + answer.statusCode());
			}
		};
		run(callers, seconds, "POST /api/timebank/transfers (HTTP/1.1, API token)", (caller, key, in) -> {
			String body = String.format(Locale.ROOT,
					"{\"fromAccountId\":%d,\"toAccountId\":%d,\"minutes\":%s,\"kind\":\"%s\",\"memo\":\"%s\"}",
					in.fromAccountId(), in.toAccountId(), in.minutes().toPlainString(), in.kind(), in.memo());
			java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(url + "/api/timebank/transfers"))
				.header("Authorization", auth)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 201) {
				throw new IllegalStateException("HTTP " + answer.statusCode());
			}
			java.util.regex.Matcher m = id.matcher(answer.body());
			m.find();
			return new long[] { Long.parseLong(m.group(1)),
					answer.headers().firstValue("Idempotent-Replayed").orElse("").equals("true") ? 1 : 0 };
		}, read, "GET /api/timebank/accounts/{id}");
	}

	/** One baseline read. */
	interface Reader {

		void read(Random r) throws Exception;

	}

	/** Reads per second of {@code callers} threads calling {@code reader} for {@link #BASELINE_SECONDS}. */
	static double readRate(int callers, Reader reader) throws InterruptedException {
		AtomicLong reads = new AtomicLong();
		long deadline = System.nanoTime() + BASELINE_SECONDS * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		long t0 = System.nanoTime();
		for (int c = 0; c < callers; c++) {
			Random r = new Random(c);
			Thread t = new Thread(() -> {
				while (System.nanoTime() < deadline) {
					try {
						reader.read(r);
						reads.incrementAndGet();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}
			}, "baseline-" + c);
			threads.add(t);
			t.start();
		}
		for (Thread t : threads) {
			t.join();
		}
		return reads.get() / ((System.nanoTime() - t0) / 1e9);
	}

	private void run(int callers, int seconds, String through, Sender sender, Reader baseline, String baselineName)
			throws InterruptedException {
		long transfersBefore = jdbc.sql("SELECT COUNT(*) FROM timebank_transfer").query(Long.class).single();
		AtomicLong applied = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		AtomicLong retries = new AtomicLong();
		AtomicLong badRetries = new AtomicLong();
		ConcurrentHashMap<String, Long> refusals = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
		CountDownLatch start = new CountDownLatch(1);
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		String run = Long.toString(System.nanoTime(), 36);
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < callers; c++) {
			int caller = c;
			Thread t = new Thread(() -> {
				Random r = new Random(caller * 7919L + System.nanoTime());
				try {
					start.await();
				}
				catch (InterruptedException e) {
					return;
				}
				int i = 0;
				while (System.nanoTime() < deadline) {
					TimeBank.TransferInput in = switch (r.nextInt(10)) {
						case 0, 1, 2, 3 -> new TimeBank.TransferInput(pick(r, personal), pick(r, pools), BigDecimal.ONE,
								"DONATION", "捐赠");
						case 4, 5, 6, 7 -> new TimeBank.TransferInput(pick(r, pools), pick(r, elders),
								BigDecimal.valueOf(2), "GRANT", "发放");
						default -> new TimeBank.TransferInput(pick(r, elders), clearing, BigDecimal.ONE, "REDEMPTION",
								"兑换");
					};
					String key = run + "-" + caller + "-" + i++;
					long t0 = System.nanoTime();
					try {
						long[] o = sender.send(caller, key, in);
						latencies.add(new long[] { System.nanoTime() - t0 });
						applied.incrementAndGet();
						if (r.nextInt(20) == 0) {
							retries.incrementAndGet();
							long[] again = sender.send(caller, key, in);
							if (again[1] != 1 || again[0] != o[0]) {
								badRetries.incrementAndGet();
							}
						}
					}
					catch (Exception ex) {
						latencies.add(new long[] { System.nanoTime() - t0 });
						refused.incrementAndGet();
						refusals.merge(ex.getClass().getSimpleName() + " " + ex.getMessage(), 1L, Long::sum);
					}
				}
			}, "caller-" + c);
			threads.add(t);
			t.start();
		}
		String loadBefore = load();
		long t0 = System.nanoTime();
		start.countDown();
		for (Thread t : threads) {
			t.join();
		}
		double took = (System.nanoTime() - t0) / 1e9;
		long[] l = latencies.stream().mapToLong(x -> x[0]).sorted().toArray();
		long transfersAfter = jdbc.sql("SELECT COUNT(*) FROM timebank_transfer").query(Long.class).single();
		long r0 = System.nanoTime();
		TimeBank.Reconciliation rec = bank.reconcile(VolunteeringBenchmark.ALL);
		double recSeconds = (System.nanoTime() - r0) / 1e9;
		line(report, "");
		line(report, String.format(Locale.ROOT, "## Time-bank transfers: %d concurrent callers for %d s through %s "
				+ "(load average before %s, after %s)", callers, seconds, through, loadBefore, load()));
		line(report, "");
		line(report, String.format(Locale.ROOT, "- %,d transfers applied in %.1f s: **%,.0f transfers/s**; %,d refused by the rules "
				+ "(%,.0f requests/s in all); latency of every request p50 %s, p95 %s, p99 %s", applied.get(), took,
				applied.get() / took, refused.get(), (applied.get() + refused.get()) / took, ms(pct(l, 50)),
				ms(pct(l, 95)), ms(pct(l, 99))));
		double reads = readRate(callers, baseline);
		line(report, String.format(Locale.ROOT, "- same-run baseline, %d callers reading an account by primary key (%s) for %d s: "
				+ "%,.0f reads/s; transfers/s ÷ reads/s = **%.2f**", callers, baselineName, BASELINE_SECONDS, reads,
				applied.get() / took / reads));
		refusals.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(3)
			.forEach(e -> line(report, "  - refused " + e.getValue() + "×: " + e.getKey()));
		line(report, String.format(Locale.ROOT, "- %,d requests sent again with the same key: %,d answered anything but the first "
				+ "transfer", retries.get(), badRetries.get()));
		line(report, String.format(Locale.ROOT, "- transfers table grew by %,d for %,d transfers answered as new: %s", transfersAfter
				- transfersBefore, applied.get(), transfersAfter - transfersBefore == applied.get() ? "exact" : "MISMATCH"));
		line(report, String.format(Locale.ROOT, "- reconciliation (%.2f s): %,d accounts, postings sum %d, unbalanced transfers %d, "
				+ "accounts whose balance differs from its postings %d: %s", recSeconds, rec.accounts(), rec.postingsSum(),
				rec.unbalancedTransfers(), rec.mismatches().size(), rec.postingsSum() == 0 && rec.unbalancedTransfers() == 0
						&& rec.mismatches().isEmpty() ? "balanced" : "NOT BALANCED"));
	}

	private static long pick(Random r, List<Long> list) {
		return list.get(r.nextInt(list.size()));
	}

}
