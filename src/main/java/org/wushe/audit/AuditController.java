package org.wushe.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;

/**
 * The audit page: events in the viewer's scope, searchable by user, action and date range (Asia/Shanghai days).
 */
@Controller
@PreAuthorize("hasAuthority('audit:view')")
@RequiredArgsConstructor
class AuditController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final int PAGE_SIZE = 50;

	/** Source addresses of requests made on the server itself, shown as such instead of as raw loopback. */
	static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

	private final AuditTrail audit;

	private final Regions regions;

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
		Map<String, String> names = new HashMap<>();
		events.stream()
			.map(AuditEvent::regionCode)
			.filter(c -> c != null && !names.containsKey(c))
			.distinct()
			.forEach(c -> regions.find(new RegionCode(c)).ifPresent(r -> names.put(c, r.name())));
		model.addAttribute("regionNames", names);
		model.addAttribute("loopback", LOOPBACK);
		return "audit/list";
	}

}
