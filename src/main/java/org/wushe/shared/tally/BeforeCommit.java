package org.wushe.shared.tally;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Work that must commit together with the transaction it is registered in (counters of a write), run just before
 * the commit.
 * <p>
 * A failure here must roll the whole transaction back. Spring's commit rolls back on any failure of a
 * {@code beforeCommit}, except a {@link TransactionException} (say, no connection for a nested transaction), which it
 * takes for a failure of the commit itself: it then neither commits nor rolls back, and the connection's return to
 * auto-commit commits the write without its counters while the caller gets the error. Such a failure is therefore
 * rethrown as a data access failure, which Spring rolls back.
 */
@RequiredArgsConstructor
public class BeforeCommit implements TransactionSynchronization {

	private final int order;

	private final Runnable work;

	@Override
	public int getOrder() {
		return order;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		try {
			work.run();
		}
		catch (TransactionException ex) {
			throw new DataAccessResourceFailureException("counters not applied; the write is rolled back", ex);
		}
	}

}
