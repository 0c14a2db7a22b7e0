package org.wushe.stats;

import java.time.Clock;

import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.RegionScope;
import org.wushe.shared.Texts;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/stats/dashboard}: every figure of a region's dashboard, exact as of the request. The serialized
 * answer is reused like the dashboard itself, i.e. only while no figure changed (see {@link DashboardService#derived}).
 */
@RestController
@PreAuthorize("hasAuthority('stats:view')")
@RequiredArgsConstructor
class DashboardApi {

	private final DashboardService dashboards;

	private final Texts texts;

	private final Clock clock;

	private final JsonMapper json;

	@GetMapping("/api/stats/dashboard")
	ResponseEntity<byte[]> dashboard(@RequestParam(required = false) String region,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long campaign, @RequestParam(required = false) String granularity,
			RegionScope scope) {
		DashboardRequest r = DashboardRequest.read(region, from, to, campaign, granularity, scope, clock);
		// labels are localized: one serialized answer per language
		String variant = "json:" + LocaleContextHolder.getLocale().toLanguageTag();
		byte[] body = dashboards.derived(scope, r.region(), r.from(), r.to(), r.campaign(), r.granularity(), variant,
				d -> json.writeValueAsBytes(DashboardJson.of(d, texts)));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
