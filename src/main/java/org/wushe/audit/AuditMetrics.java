package org.wushe.audit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Domain counters for the metrics endpoint, from the audit trail's committed events: {@code wushe.records.written}
 * (by entity type), {@code wushe.imports} (by entity type) and {@code wushe.logins.failed}.
 */
@Component
class AuditMetrics {

	private final MeterRegistry registry;

	private final Counter failedLogins;

	AuditMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.failedLogins = Counter.builder("wushe.logins.failed").description("Failed logins").register(registry);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(Audited event) {
		String action = event.action();
		if ("login.failure".equals(action)) {
			failedLogins.increment();
		}
		else if (action.endsWith(".import")) {
			registry.counter("wushe.imports", "entity", String.valueOf(event.entityType())).increment();
		}
		else if (!action.startsWith("login.") && !action.startsWith("api.token.") && !action.endsWith(".view")) {
			registry.counter("wushe.records.written", "entity", String.valueOf(event.entityType())).increment();
		}
	}

}
