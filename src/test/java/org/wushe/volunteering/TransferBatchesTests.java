package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.support.IntegrationTest;

/**
 * Transfers sent by concurrent callers, so that the writer applies them in shared batches: grants with their own keys,
 * two callers sending the same request with the same key at once, a redemption refused for want of hours, memos
 * present and absent. Each answer must be exactly what was stored (the transfer, its two postings in the paying
 * side's order with their balances, its memo), the shared key must answer one transfer, the refusal must move
 * nothing, and the ledger must stay balanced. Runs on H2 and, in the PostgreSQL suite, on PostgreSQL (where a batch
 * is written by two statements).
 */
@IntegrationTest
class TransferBatchesTests {

	static final RegionScope COUNTRY = new RegionScope(RegionCode.COUNTRY);

	static final int CALLERS = 12;

	@Autowired
	TimeBank bank;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Test
	void concurrentCallersGetExactlyWhatTheirSharedBatchesStored() throws Exception {
		String region = "150104002";
		List<Long> pools = jdbc.sql("SELECT id FROM timebank_account WHERE pool_region = :r")
			.param("r", region)
			.query(Long.class)
			.list();
		long pool = pools.isEmpty() ? bank.open(COUNTRY, new TimeBank.OpenInput("POOL", region, null, null, null)).id()
				: pools.get(0);
		long person = System.nanoTime() % 1_000_000_000L;
		List<Long> elders = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			elders.add(bank.open(COUNTRY, new TimeBank.OpenInput("ELDER", region, null, null, person + i)).id());
		}
		long empty = bank.open(COUNTRY, new TimeBank.OpenInput("ELDER", region, null, null, person + 99)).id();
		long clearing = bank.clearing().id();
		long transfersBefore = count("SELECT COUNT(*) FROM timebank_transfer");
		String run = "batch-" + person;
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		int applied = 0;
		try {
			for (int round = 0; round < 5; round++) {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Object>> answers = new ArrayList<>();
				List<TimeBank.TransferInput> sent = new ArrayList<>();
				for (int c = 0; c < CALLERS; c++) {
					String key = c < 2 ? run + "-" + round + "-same" : run + "-" + round + "-" + c;
					TimeBank.TransferInput in = c < 2
							? new TimeBank.TransferInput(pool, elders.get(0), BigDecimal.valueOf(7), "GRANT", "同一请求")
							: c == 2 ? new TimeBank.TransferInput(empty, clearing, BigDecimal.TEN, "REDEMPTION", "无余额")
									: new TimeBank.TransferInput(pool, elders.get(c % elders.size()),
											BigDecimal.valueOf(1 + c % 3), "GRANT", c % 3 == 0 ? null : "发放" + c);
					sent.add(in);
					answers.add(callers.submit(() -> {
						start.await();
						try {
							return bank.transfer(COUNTRY, "batch-test", key, in);
						}
						catch (BusinessException refused) {
							return refused;
						}
					}));
				}
				start.countDown();
				List<Object> got = new ArrayList<>();
				for (Future<Object> f : answers) {
					got.add(f.get(60, TimeUnit.SECONDS));
				}
				assertThat(got.get(2)).as("a redemption from an empty account is refused")
					.isInstanceOf(BusinessException.class);
				for (int c = 0; c < CALLERS; c++) {
					if (c != 2 && got.get(c) instanceof BusinessException refused) {
						throw new AssertionError("caller " + c + " was refused: " + refused.getMessage() + " "
								+ refused.messageKey() + " " + Arrays.toString(refused.args()), refused);
					}
				}
				TimeBank.Outcome first = (TimeBank.Outcome) got.get(0);
				TimeBank.Outcome second = (TimeBank.Outcome) got.get(1);
				assertThat(first.transfer().id()).as("one key, one transfer").isEqualTo(second.transfer().id());
				assertThat(List.of(first.replayed(), second.replayed())).as("one of the two is the replay")
					.containsExactlyInAnyOrder(true, false);
				for (int c = 0; c < CALLERS; c++) {
					if (c == 2) {
						continue;
					}
					TimeBank.Outcome o = (TimeBank.Outcome) got.get(c);
					assertStored(o.transfer(), sent.get(c));
					if (!o.replayed()) {
						applied++;
					}
				}
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(applied).isEqualTo(5 * (CALLERS - 2));
		assertThat(count("SELECT COUNT(*) FROM timebank_transfer") - transfersBefore)
			.as("the transfers table grew by the transfers answered as new")
			.isEqualTo(applied);
		assertThat(bank.account(COUNTRY, empty).balanceMinutes()).isZero();
		TimeBank.Reconciliation r = bank.reconcile(COUNTRY);
		assertThat(r.postingsSum()).isZero();
		assertThat(r.unbalancedTransfers()).isZero();
		assertThat(r.mismatches()).isEmpty();
		// a batch's transfers share its moment: shown as skipped if the callers never met in one batch
		long shared = jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT t.created_at FROM timebank_transfer t
				    JOIN timebank_request k ON k.transfer_id = t.id
				    WHERE k.caller = 'batch-test' AND k.request_key LIKE :run
				    GROUP BY t.created_at HAVING COUNT(*) > 1) batches""")
			.param("run", run + "-%")
			.query(Long.class)
			.single();
		assumeTrue(shared > 0, "no two transfers of the run were applied in one batch");
	}

	/** The transfer as answered is the one stored, with the request's fields and its postings as stored. */
	private void assertStored(TimeBank.Transfer t, TimeBank.TransferInput in) {
		assertThat(t.fromAccountId()).isEqualTo(in.fromAccountId());
		assertThat(t.toAccountId()).isEqualTo(in.toAccountId());
		assertThat(t.minutes()).isEqualTo(in.minutes().longValueExact());
		assertThat(t.memo()).isEqualTo(in.memo());
		TimeBank.Transfer stored = ledger.transfer(t.id());
		assertThat(List.of(stored.fromAccountId(), stored.toAccountId(), stored.minutes()))
			.containsExactly(in.fromAccountId(), in.toAccountId(), t.minutes());
		assertThat(stored.memo()).isEqualTo(in.memo());
		assertThat(stored.postings())
			.extracting(TimeBank.Posting::id, TimeBank.Posting::accountId, TimeBank.Posting::minutes,
					TimeBank.Posting::balanceAfter)
			.as("the paying side first, each posting as answered")
			.containsExactly(
					tuple(t.postings().get(0).id(), in.fromAccountId(), -t.minutes(), t.postings().get(0).balanceAfter()),
					tuple(t.postings().get(1).id(), in.toAccountId(), t.minutes(), t.postings().get(1).balanceAfter()));
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
