package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.wushe.shared.BusinessException;

/**
 * The group writer at shutdown: the batch being applied is finished and answered as it ends, every request still
 * queued is answered 503 with {@code volunteering.timebank.shutting-down} without being applied, and a request sent
 * after the stop is refused the same way at once. The writer's transactions are a stand-in that holds the first batch
 * until the test lets it go and then fails it, so a queued request that reached the writer would be answered with that
 * failure instead of the 503.
 */
class TransferBatchesShutdownTests {

	static final TimeBank.Account FROM = new TimeBank.Account(1, AccountKind.PERSONAL, "150102001", 7L, null, null, 600,
			0L, Instant.EPOCH);

	static final TimeBank.Account POOL = new TimeBank.Account(2, AccountKind.POOL, "150102", null, null, null, 0,
			-12_000L, Instant.EPOCH);

	final CountDownLatch entered = new CountDownLatch(1);

	final CountDownLatch release = new CountDownLatch(1);

	final AtomicInteger transactions = new AtomicInteger();

	final TransferBatches batches = new TransferBatches(null, null, null, null, null, null,
			new PlatformTransactionManager() {
				@Override
				public TransactionStatus getTransaction(TransactionDefinition definition) {
					transactions.incrementAndGet();
					entered.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					throw new CannotCreateTransactionException("stand-in: no database");
				}

				@Override
				public void commit(TransactionStatus status) {
				}

				@Override
				public void rollback(TransactionStatus status) {
				}
			});

	static TransferBatches.Request request(String key) {
		return new TransferBatches.Request("caller", key, "1|2|1|DONATION|", TransferKind.DONATION, FROM, POOL, 1,
				null, "tester", null);
	}

	CompletableFuture<TimeBank.Outcome> submit(String key) {
		return CompletableFuture.supplyAsync(() -> batches.submit(request(key)));
	}

	static Throwable cause(CompletableFuture<?> f) throws InterruptedException {
		try {
			f.get(30, TimeUnit.SECONDS);
			throw new AssertionError("answered without an error");
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("no answer within 30 s", ex);
		}
	}

	static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not reached within 30 s");
			}
			Thread.sleep(5);
		}
	}

	static void assertShuttingDown(Throwable t) {
		assertThat(t).isInstanceOfSatisfying(BusinessException.class, b -> {
			assertThat(b.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(b.messageKey()).isEqualTo("volunteering.timebank.shutting-down");
		});
	}

	@Test
	void queuedTransfersAreRefusedWith503AndTheBatchBeingAppliedIsFinished() throws Exception {
		CompletableFuture<TimeBank.Outcome> applying = submit("k1");
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<TimeBank.Outcome> queued1 = submit("k2");
		CompletableFuture<TimeBank.Outcome> queued2 = submit("k3");
		await(() -> batches.queued() == 2);

		Thread stopping = new Thread(() -> {
			try {
				batches.destroy();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		stopping.start();
		// the stop waits for the writer's batch
		await(() -> stopping.getState() == Thread.State.TIMED_WAITING);
		assertThat(queued1).isNotDone();
		release.countDown();
		stopping.join(30_000);

		assertThat(cause(applying)).isInstanceOf(CannotCreateTransactionException.class);
		assertShuttingDown(cause(queued1));
		assertShuttingDown(cause(queued2));
		assertThat(transactions).as("only the batch being applied reached the database").hasValue(1);
		assertThat(batches.queued()).isZero();

		assertThatThrownBy(() -> batches.submit(request("k4"))).satisfies(TransferBatchesShutdownTests::assertShuttingDown);
		assertThat(transactions).hasValue(1);
	}

	@Test
	void aStoppedTimeBankThatNeverMovedHoursRefusesAtOnce() throws Exception {
		batches.destroy();
		assertThatThrownBy(() -> batches.submit(request("k1"))).satisfies(TransferBatchesShutdownTests::assertShuttingDown);
		assertThat(transactions).hasValue(0);
	}

}
