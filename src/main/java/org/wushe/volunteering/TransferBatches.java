package org.wushe.volunteering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.shared.BusinessException;
import org.wushe.shared.Waiting;

/**
 * Group commit of time-bank transfers. Callers hand checked requests to one writer, which applies everything queued
 * in one transaction: it looks up the batch's idempotency keys, locks the accounts in id order, checks each request
 * against the running balances (floors, caps), writes the transfers, their postings and their keys, moves each touched
 * balance once ({@link TransferRows}: two statements on PostgreSQL, whatever the batch's size), and answers every
 * caller after the commit. A request refused by the rules is answered with its error and does not fail the others;
 * when the batch fails as a whole, its requests are applied one by one. The keys are committed with the postings, so
 * a retry after a crash finds its first answer.
 * <p>
 * After the first request of a batch the writer waits a moment ({@link #GATHER}) for more, so that concurrent callers
 * share one commit. At shutdown the batch being applied is finished and every request still queued is answered 503
 * ({@code volunteering.timebank.shutting-down}): it moved nothing, and may be sent again with the same key.
 */
@Component
class TransferBatches implements DisposableBean {

	/** At most this many requests in one transaction. */
	static final int MAX_BATCH = 400;

	/** How long the writer waits, after a batch's first request, for more requests to join the batch. */
	static final Duration GATHER = Duration.ofMillis(2);

	/** How long the writer waits for a request before it looks whether it was stopped. */
	private static final Duration POLL = Duration.ofMillis(200);

	/** How long a shutdown waits for the batch being applied. */
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	/** A request checked by its caller (fields, accounts in scope, kinds, relatives), waiting for the writer. */
	record Request(String caller, String key, String fingerprint, TransferKind kind, TimeBank.Account from,
			TimeBank.Account to, long minutes, String memo, String actor, String address,
			CompletableFuture<Object> answer) {

		Request(String caller, String key, String fingerprint, TransferKind kind, TimeBank.Account from,
				TimeBank.Account to, long minutes, String memo, String actor, String address) {
			this(caller, key, fingerprint, kind, from, to, minutes, memo, actor, address, new CompletableFuture<>());
		}

		String id() {
			return caller + '\u0000' + key;
		}

	}

	/**
	 * The answer to a retry of a request committed in an earlier batch: the caller reads that transfer back itself,
	 * outside the writer, which goes on to the next batch meanwhile.
	 */
	private record Replayed(long transferId) {
	}

	/** A request the batch will apply, with both balances after it. */
	record Accepted(int index, Request request, long fromAfter, long toAfter) {
	}

	private final TransferRows rows;

	private final Ledger ledger;

	private final TimeBankRules rules;

	private final VolunteeringTally tally;

	private final AuditTrail audit;

	private final Clerk clerk;

	private final TransactionTemplate tx;

	private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	/** Callers between the start of their check and their answer: those a batch may still wait for. */
	private final java.util.concurrent.atomic.AtomicInteger callers = new java.util.concurrent.atomic.AtomicInteger();

	private Thread writer;

	private volatile boolean stopped;

	TransferBatches(TransferRows rows, Ledger ledger, TimeBankRules rules, VolunteeringTally tally, AuditTrail audit,
			Clerk clerk, PlatformTransactionManager transactions) {
		this.rows = rows;
		this.ledger = ledger;
		this.rules = rules;
		this.tally = tally;
		this.audit = audit;
		this.clerk = clerk;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Counts a caller that is about to check a request for this writer, so that a batch waits for it; call
	 * {@link #left()} when it has its answer (or its refusal).
	 */
	void arriving() {
		callers.incrementAndGet();
	}

	/** The caller counted by {@link #arriving()} has its answer. */
	void left() {
		callers.decrementAndGet();
	}

	/** Queues the request and waits for its answer; a refusal is thrown as the rules threw it. */
	TimeBank.Outcome submit(Request r) {
		start();
		queue.add(r);
		if (stopped) {
			refuseQueued();
		}
		Object answer = Waiting.answer(r.answer(), "the transfer was applied");
		return answer instanceof Replayed replayed ? new TimeBank.Outcome(ledger.transfer(replayed.transferId()), true)
				: (TimeBank.Outcome) answer;
	}

	/** Starts the writer on the first transfer, so a node that moves no hours runs no thread for them. */
	private synchronized void start() {
		if (writer == null && !stopped) {
			writer = new Thread(this::run, "timebank-writer");
			writer.setDaemon(true);
			writer.start();
		}
	}

	/**
	 * Stops taking requests, lets the writer finish the batch it is applying (a batch is never cut off mid-way, so a
	 * caller is never told a transfer failed that was in fact committed) and refuses what is still queued.
	 */
	@Override
	public void destroy() throws InterruptedException {
		Thread running;
		synchronized (this) {
			stopped = true;
			running = writer;
		}
		if (running != null) {
			running.join(SHUTDOWN_WAIT.toMillis());
		}
		refuseQueued();
	}

	/** How many requests wait for the writer. */
	int queued() {
		return queue.size();
	}

	/**
	 * Answers every request still queued with 503: it was not applied. A request the writer took meanwhile is left to
	 * the writer, so no caller is told a transfer failed that the writer then commits.
	 */
	private void refuseQueued() {
		for (Request r : new ArrayList<>(queue)) {
			if (queue.remove(r)) {
				r.answer().completeExceptionally(
						new BusinessException(HttpStatus.SERVICE_UNAVAILABLE, "volunteering.timebank.shutting-down"));
			}
		}
	}

	/** Applies what is queued, batch after batch, until stopped; waits briefly so that a stop is seen soon. */
	private void run() {
		List<Request> batch = new ArrayList<>(MAX_BATCH);
		while (!stopped) {
			try {
				Request first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
			}
			catch (InterruptedException ex) {
				break;
			}
			gather(batch);
			try {
				process(batch);
			}
			catch (RuntimeException | Error ex) {
				// the writer keeps going for the next callers; this batch's callers get the error
				batch.forEach(r -> r.answer().completeExceptionally(ex));
			}
			batch.clear();
		}
	}

	/**
	 * Adds to the batch what is queued and what arrives within {@link #GATHER} of now, up to {@link #MAX_BATCH}; stops
	 * gathering at once when the time bank is stopped, and as soon as every caller that is checking or waiting is in
	 * the batch (no one else can come, and waiting would only delay the commit).
	 */
	private void gather(List<Request> batch) {
		long deadline = System.nanoTime() + GATHER.toNanos();
		queue.drainTo(batch, MAX_BATCH - batch.size());
		while (batch.size() < MAX_BATCH && !stopped && batch.size() < callers.get()) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return;
			}
			try {
				Request next = queue.poll(left, TimeUnit.NANOSECONDS);
				if (next == null) {
					return;
				}
				batch.add(next);
			}
			catch (InterruptedException ex) {
				// the batch taken is applied; the writer stops at its next wait
				Thread.currentThread().interrupt();
				return;
			}
			queue.drainTo(batch, MAX_BATCH - batch.size());
		}
	}

	private void process(List<Request> batch) {
		List<Object> answers;
		try {
			answers = tx.execute(s -> apply(batch));
		}
		catch (RuntimeException ex) {
			if (batch.size() > 1) {
				batch.forEach(r -> process(List.of(r)));
				return;
			}
			if (ex instanceof DuplicateKeyException) {
				// the same key was committed meanwhile by another node: now it answers as a retry
				try {
					answers = tx.execute(s -> apply(batch));
				}
				catch (RuntimeException again) {
					batch.get(0).answer().completeExceptionally(again);
					return;
				}
			}
			else {
				batch.get(0).answer().completeExceptionally(ex);
				return;
			}
		}
		for (int i = 0; i < batch.size(); i++) {
			Object a = answers.get(i);
			if (a instanceof RuntimeException refused) {
				batch.get(i).answer().completeExceptionally(refused);
			}
			else {
				batch.get(i).answer().complete(a);
			}
		}
	}

	/**
	 * Applies the batch in the current transaction; answers an outcome, a retry of an earlier batch's transfer or a
	 * refusal per request, in order.
	 */
	private List<Object> apply(List<Request> batch) {
		TransferRows.Found found = rows.find(batch);
		Map<String, TransferRows.Earlier> earlier = found.earlier();
		Map<Long, Long> balances = found.balances();
		Map<String, TimeBankRules.Rules> ruleCache = new HashMap<>();
		Object[] answers = new Object[batch.size()];
		Map<String, Accepted> first = new HashMap<>();
		List<Accepted> accepted = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			Request r = batch.get(i);
			TransferRows.Earlier e = earlier.get(r.id());
			Accepted same = first.get(r.id());
			if (e != null || same != null) {
				String print = e != null ? e.fingerprint() : same.request().fingerprint();
				answers[i] = !print.equals(r.fingerprint()) ? BusinessException.conflict("volunteering.timebank.key-reused")
						: e != null ? new Replayed(e.transferId()) : same;
				continue;
			}
			long fromBalance = balances.get(r.from().id());
			long toBalance = balances.get(r.to().id());
			try {
				Ledger.checkFloor(r.from(), fromBalance, r.minutes());
				if (r.to().kind() == AccountKind.PERSONAL) {
					TimeBankRules.checkCap(r.to(), toBalance, r.minutes(),
							ruleCache.computeIfAbsent(r.to().regionCode(), rules::of));
				}
			}
			catch (RuntimeException refused) {
				answers[i] = refused;
				continue;
			}
			balances.put(r.from().id(), fromBalance - r.minutes());
			balances.put(r.to().id(), toBalance + r.minutes());
			Accepted a = new Accepted(i, r, fromBalance - r.minutes(), toBalance + r.minutes());
			accepted.add(a);
			first.put(r.id(), a);
		}
		if (!accepted.isEmpty()) {
			Map<Accepted, TimeBank.Transfer> written = write(accepted, balances);
			for (int i = 0; i < answers.length; i++) {
				if (answers[i] instanceof Accepted same) {
					answers[i] = new TimeBank.Outcome(written.get(same), true);
				}
			}
			for (Accepted a : accepted) {
				answers[a.index()] = new TimeBank.Outcome(written.get(a), false);
			}
		}
		return List.of(answers);
	}

	/** Writes the accepted transfers, their postings, keys, balances, audit rows and figures. */
	private Map<Accepted, TimeBank.Transfer> write(List<Accepted> accepted, Map<Long, Long> balances) {
		Timestamp now = Timestamp.from(Instant.now(clerk.clock()).truncatedTo(ChronoUnit.MICROS));
		Map<Long, Long> moved = new TreeMap<>();
		Map<String, Long> figures = new TreeMap<>();
		for (Accepted a : accepted) {
			Request r = a.request();
			moved.put(r.from().id(), balances.get(r.from().id()));
			moved.put(r.to().id(), balances.get(r.to().id()));
			if (r.from().kind() != AccountKind.CLEARING) {
				figures.merge(r.from().regionCode(), -r.minutes(), Long::sum);
			}
			if (r.to().kind() != AccountKind.CLEARING) {
				figures.merge(r.to().regionCode(), r.minutes(), Long::sum);
			}
		}
		TransferRows.Written ids = rows.write(accepted, moved, now);
		figures.forEach((region, delta) -> tally.add(VolunteeringTally.Figure.TIMEBANK, region, delta));
		Map<Accepted, TimeBank.Transfer> written = new HashMap<>();
		List<AuditTrail.Entry> audited = new ArrayList<>(accepted.size());
		Instant at = now.toInstant();
		for (int i = 0; i < accepted.size(); i++) {
			Accepted a = accepted.get(i);
			Request r = a.request();
			long id = ids.transferIds().get(i);
			audited.add(new AuditTrail.Entry(r.actor(), "timebank.transfer", TimeBank.ENTITY, id,
					RegionCode.parse(r.from().regionCode()), r.address(), null));
			written.put(a, new TimeBank.Transfer(id, r.kind(), r.from().id(), r.to().id(), r.minutes(), r.memo(), null,
					at, List.of(
							new TimeBank.Posting(ids.fromPostingIds().get(i), id, r.from().id(), -r.minutes(),
									a.fromAfter(), at, r.kind(), r.memo()),
							new TimeBank.Posting(ids.toPostingIds().get(i), id, r.to().id(), r.minutes(), a.toAfter(),
									at, r.kind(), r.memo()))));
		}
		audit.recordAll(audited);
		return written;
	}

}
