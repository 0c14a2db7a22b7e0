package org.wushe.audit;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionScope;

/** {@code GET /api/audit}: audit events in the caller's scope. */
@RestController
@PreAuthorize("hasAuthority('audit:view')")
@RequiredArgsConstructor
class AuditApi {

	private final AuditTrail audit;

	@GetMapping("/api/audit")
	List<AuditEvent> search(@RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int size,
			RegionScope scope) {
		List<AuditEvent> events = audit.search(scope, new AuditQuery(actor, action, since, until, offset, size));
		return events.subList(0, Math.min(events.size(), Math.max(1, Math.min(size, 500))));
	}

}
