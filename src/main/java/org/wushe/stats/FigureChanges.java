package org.wushe.stats;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wushe.shared.FiguresChanged;

/**
 * Moves the {@link FigureVersion} on every {@link FiguresChanged} the modules that keep dashboard figures publish.
 * They publish it in the transaction of the change; this listener runs synchronously inside it and moves the version
 * once per transaction, just before it commits (after the modules' counters, which are ordered first). So the version
 * moves exactly when the change commits, and a transaction holds the lock of one version stripe only for the moment
 * of its commit: writers never deadlock over it, however many records a transaction writes.
 */
@Component
@RequiredArgsConstructor
class FigureChanges {

	private final FigureVersion version;

	@EventListener
	void on(FiguresChanged event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			version.bump();
			return;
		}
		if (!TransactionSynchronizationManager.hasResource(this)) {
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					version.bump();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(FigureChanges.this);
				}
			});
		}
	}

}
