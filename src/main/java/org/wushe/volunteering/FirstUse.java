package org.wushe.volunteering;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows made on first use and then only locked and read: a volunteer's total row, a personal account, a certificate
 * counter. The row is created in the caller's transaction, on its connection, under a savepoint (never a second
 * connection, which a busy pool may not have): a concurrent creator waits for the caller's commit and then finds the
 * row; a duplicate of a creator that committed first only rolls back to the savepoint, and the caller finds its row.
 */
@Component
class FirstUse {

	private final TransactionTemplate ownTx;

	FirstUse(PlatformTransactionManager transactions) {
		this.ownTx = new TransactionTemplate(transactions);
		this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Runs {@code find}; when it finds nothing, runs {@code create} under a savepoint and then {@code find}
	 * again, which must now find the row.
	 */
	<T> T orCreate(Supplier<Optional<T>> find, Runnable create) {
		Optional<T> found = find.get();
		if (found.isPresent()) {
			return found.get();
		}
		try {
			ownTx.executeWithoutResult(s -> create.run());
		}
		catch (DuplicateKeyException raced) {
			// created meanwhile
		}
		return find.get().orElseThrow(() -> new IllegalStateException("row not found after it was created"));
	}

	/** Locks a row by an update that changes nothing ({@code lock} answers the rows it touched), creating it first if missing. */
	void lock(Supplier<Integer> lock, Runnable create) {
		orCreate(() -> lock.get() > 0 ? Optional.of(Boolean.TRUE) : Optional.empty(), create);
	}

}
