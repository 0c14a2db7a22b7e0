package org.wushe.stats;

import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wushe.audit.Audited;

/**
 * Moves the {@link FigureVersion} on every write that can change a dashboard figure. Every write is audited in its
 * own transaction, and this listener runs synchronously inside that transaction, so the version moves exactly when
 * the change commits.
 */
@Component
class FigureChanges {

	/** Entities whose writes change figures the dashboard shows. */
	static final Set<String> FIGURES = Set.of("activity", "site", "organization", "social-worker", "volunteer");

	private final FigureVersion version;

	FigureChanges(FigureVersion version) {
		this.version = version;
	}

	@EventListener
	void on(Audited event) {
		if (FIGURES.contains(event.entityType()) && isWrite(event.action())) {
			version.bump();
		}
	}

	private static boolean isWrite(String action) {
		return !action.endsWith(".export") && !action.endsWith(".view") && !action.contains("personal-data");
	}

}
