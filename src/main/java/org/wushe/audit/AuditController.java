package org.wushe.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.region.RegionScope;

/**
 * The audit page: events in the viewer's scope, searchable by user, action and date range (Asia/Shanghai days).
 */
@Controller
@PreAuthorize("hasAuthority('audit:view')")
class AuditController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final int PAGE_SIZE = 50;

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String list(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, RegionScope scope, Model model) {
		int p = Math.max(page, 0);
		AuditQuery query = new AuditQuery(actor, action, from == null ? null : from.atStartOfDay(ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant(), p * PAGE_SIZE, PAGE_SIZE);
		List<AuditEvent> events = audit.search(scope, query);
		model.addAttribute("events", events.subList(0, Math.min(events.size(), PAGE_SIZE)));
		model.addAttribute("hasNext", events.size() > PAGE_SIZE);
		model.addAttribute("page", p);
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("actions", audit.actions());
		model.addAttribute("zone", ZONE);
		return "audit/list";
	}

}
