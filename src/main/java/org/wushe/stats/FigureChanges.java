package org.wushe.stats;

import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wushe.audit.Audited;

/**
 * Moves the {@link FigureVersion} on every write that can change a dashboard figure. Every write is audited in its
 * own transaction; this listener runs synchronously inside it and moves the version once per transaction, just before
 * it commits. So the version moves exactly when the change commits, and a transaction holds the lock of one version
 * stripe only for the moment of its commit: writers never deadlock over it, however many records a transaction
 * writes.
 */
@Component
class FigureChanges {

	/** Entities whose writes change figures the dashboard shows. */
	static final Set<String> FIGURES = Set.of("activity", "site", "organization", "social-worker", "volunteer",
			"person", "care-visit", "care-case", "service-project", "volunteer-hours", "timebank",
			"volunteer-certificate");

	private final FigureVersion version;

	FigureChanges(FigureVersion version) {
		this.version = version;
	}

	@EventListener
	void on(Audited event) {
		if (!FIGURES.contains(event.entityType()) || !isWrite(event.action())) {
			return;
		}
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

	private static boolean isWrite(String action) {
		return !action.endsWith(".export") && !action.endsWith(".view") && !action.contains("personal-data");
	}

}
