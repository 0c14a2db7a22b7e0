package org.wushe.activity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.activity.ActivityRollup;
import org.wushe.activity.ActivityTotals;
import org.wushe.activity.DomainTotals;
import org.wushe.activity.ServiceDomain;
import org.wushe.region.RegionCode;

/**
 * {@code GET /api/stats/activities}: activity figures of any region in scope over a period, exact as of the request.
 * {@code byDomain} is keyed by the official Chinese domain names, as in 附件1, whatever the user's language.
 */
@RestController
@RequiredArgsConstructor
class StatsApi {

	record Figures(long activities, long participants, long beneficiaries, BigDecimal fundsYuan,
			BigDecimal materialsYuan, Map<String, DomainTotals> byDomain) {

		static Figures of(ActivityTotals t, MessageSource messages) {
			Map<String, DomainTotals> domains = new LinkedHashMap<>();
			for (ServiceDomain d : ServiceDomain.values()) {
				domains.put(messages.getMessage(d.messageKey(), null, Locale.SIMPLIFIED_CHINESE), t.byDomain().get(d));
			}
			return new Figures(t.activities(), t.participants(), t.beneficiaries(), t.fundsYuan(), t.materialsYuan(),
					domains);
		}

	}

	private final ActivityRollup rollup;

	private final MessageSource messages;

	@GetMapping("/api/stats/activities")
	@PreAuthorize("hasAnyAuthority('stats:view', 'activity:view')")
	Figures activities(@RequestParam(required = false) String region,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long campaign, @AuthenticationPrincipal CurrentUser user) {
		RegionCode code = user.region(region, "region");
		return Figures.of(rollup.totals(user.scope(), code, from, to, campaign), messages);
	}

}
