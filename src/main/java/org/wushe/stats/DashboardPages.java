package org.wushe.stats;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.wushe.activity.ServiceDomain;
import org.wushe.region.RegionScope;

/**
 * The body of the dashboard page (cards, tables, filters, chart containers), rendered once per figure version,
 * region, period, campaign, viewer scope and language, and reused like the dashboard it shows: a request first reads
 * the figure version, so a body is never older than the last committed change. The body holds nothing user-specific:
 * the layout around it (navigation, user name, CSRF token of the logout form) is rendered for every request; the
 * body's only form is a GET form, which carries no CSRF token, and its links are rendered without URL rewriting.
 */
@Component
@RequiredArgsConstructor
class DashboardPages {

	static final String BODY = "stats/dashboard-body";

	private final DashboardService dashboards;

	private final ITemplateEngine templates;

	private final MessageSource messages;

	/** The rendered body, encoded once, and the region's name (for the page title). */
	record Body(String regionName, byte[] bytes) {

		String html() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

	}

	Body body(RegionScope scope, DashboardRequest r, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		return dashboards.derived(scope, r.region(), r.from(), r.to(), r.campaign(), r.granularity(),
				locale.toLanguageTag(), d -> new Body(d.region().code().isCountry()
						? messages.getMessage("stats.country-name", null, locale) : d.region().name(),
						render(d, locale, request, response).getBytes(StandardCharsets.UTF_8)));
	}

	String render(Dashboard d, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, new NoUrlRewriting(response));
		WebContext context = new WebContext(exchange, locale, Map.of("d", d, "domains", ServiceDomain.values(),
				"granularities", Granularity.values()));
		return templates.process(BODY, context);
	}

	/** Links in a reused body must not carry one user's session id. */
	private static final class NoUrlRewriting extends HttpServletResponseWrapper {

		NoUrlRewriting(HttpServletResponse response) {
			super(response);
		}

		@Override
		public String encodeURL(String url) {
			return url;
		}

		@Override
		public String encodeRedirectURL(String url) {
			return url;
		}

	}

}
