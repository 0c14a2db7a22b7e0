package org.wushe.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.shared.Waiting;

/**
 * Audit events that belong to no write of their own, such as an API call's use of its token: each is committed before
 * {@link #record} returns, as {@link AuditTrail}'s own {@code record} outside a transaction would, but the events of
 * concurrent callers share one transaction and one multi-row insert ({@link AuditTrail#recordAll}), so a busy API pays
 * one durable commit for many calls instead of one per call. Inside a caller's transaction the event is
 * written there, and commits or rolls back with it.
 */
@Service
public class SharedCommitAudit implements DisposableBean {

	/** At most this many events in one commit. */
	static final int MAX_BATCH = 500;

	/** How long the writer waits for an event before it looks whether it was stopped. */
	private static final long POLL_MS = 200;

	private record Pending(AuditTrail.Entry entry, CompletableFuture<Void> done) {
	}

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private Thread writer;

	private volatile boolean stopped;

	SharedCommitAudit(AuditTrail audit, PlatformTransactionManager transactions) {
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Records the event and returns once it is committed (with the events of callers that came meanwhile). */
	public void record(AuditTrail.Entry entry) {
		if (TransactionSynchronizationManager.isActualTransactionActive() || !start()) {
			audit.recordAll(List.of(entry));
			return;
		}
		Pending p = new Pending(entry, new CompletableFuture<>());
		queue.add(p);
		if (stopped && queue.remove(p)) {
			audit.recordAll(List.of(entry));
			return;
		}
		Waiting.answer(p.done(), "the audit event was written");
	}

	/** Starts the writer on the first event; false once stopped, so that the caller writes the event itself. */
	private synchronized boolean start() {
		if (stopped) {
			return false;
		}
		if (writer == null) {
			writer = new Thread(this::run, "audit-writer");
			writer.setDaemon(true);
			writer.start();
		}
		return true;
	}

	/** Lets the writer finish its batch; then writes what is left itself, so that no caller waits for ever. */
	@Override
	public void destroy() throws InterruptedException {
		Thread running = stop();
		if (running != null) {
			running.join(10_000);
		}
		List<Pending> left = new ArrayList<>();
		queue.drainTo(left);
		if (!left.isEmpty()) {
			write(left);
		}
	}

	private synchronized Thread stop() {
		stopped = true;
		return writer;
	}

	/** Writes what is queued, all of it in one transaction, until stopped. */
	private void run() {
		try {
			while (!stopped) {
				Pending first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
				if (first != null) {
					List<Pending> batch = new ArrayList<>(List.of(first));
					queue.drainTo(batch, MAX_BATCH - 1);
					write(batch);
				}
			}
		}
		catch (InterruptedException ex) {
			// interrupted: stops like a stop, and what is still queued is written by destroy()
		}
	}

	private void write(List<Pending> batch) {
		try {
			tx.executeWithoutResult(s -> audit.recordAll(batch.stream().map(Pending::entry).toList()));
			batch.forEach(p -> p.done().complete(null));
		}
		catch (RuntimeException | Error ex) {
			batch.forEach(p -> p.done().completeExceptionally(ex));
		}
	}

}
