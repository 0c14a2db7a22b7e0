package org.wushe.stats;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.region.RegionScope;
import org.wushe.shared.Texts;

/**
 * The dashboard page: indicator cards, the series and domain charts (drawn by {@code /js/stats.js} from
 * {@code /api/stats/dashboard}), the sortable child comparison with drill-down, breadcrumbs, the year-on-year
 * comparison, and the .xlsx export of the same figures.
 */
@Controller
@PreAuthorize("hasAuthority('stats:view')")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class StatsController {

	private final DashboardService dashboards;

	private final StatsExport export;

	private final DashboardPages pages;

	private final DashboardFrames frames;

	private final Texts texts;

	private final Clock clock;

	static final String VIEW = "stats/dashboard";

	/**
	 * The page: the layout for this user around the body that is reused while the figures are unchanged; the layout
	 * itself is reused within the session ({@link DashboardFrames}).
	 */
	@GetMapping("/stats")
	String dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long campaign,
			@RequestParam(required = false) String granularity, RegionScope scope, Locale locale,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		DashboardRequest r = DashboardRequest.read(region, from, to, campaign, granularity, scope, clock);
		DashboardPages.Body body = pages.body(scope, r, locale, request, response);
		if (frames.write(model.asMap(), body, locale, request, response)) {
			return null;
		}
		model.addAttribute("body", body.html());
		model.addAttribute("regionName", body.regionName());
		return VIEW;
	}

	@GetMapping("/stats/export.xlsx")
	void exportXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Long campaign,
			@RequestParam(required = false) String granularity, RegionScope scope, HttpServletResponse response)
			throws IOException {
		DashboardRequest r = DashboardRequest.read(region, from, to, campaign, granularity, scope, clock);
		Dashboard d = dashboards.dashboard(scope, r.region(), r.from(), r.to(), r.campaign(), r.granularity());
		String name = texts.get("stats.export.file-name", d.region().code().isCountry() ? texts.get("stats.country-name") : d.region().name(), d.from(), d.to()) + ".xlsx";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				"attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		export.write(d, response.getOutputStream());
	}

}
