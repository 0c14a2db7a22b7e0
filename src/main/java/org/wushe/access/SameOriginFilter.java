package org.wushe.access;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A state-changing request (POST, PUT, PATCH, DELETE) sent by a page of another site is refused with 403, whatever
 * proves the sender: the session (whose form also carries the CSRF token) or HTTP Basic (which carries none, and which
 * a browser may have cached). A browser names the page's site in {@code Origin} (or, failing that, in
 * {@code Referer}); the request passes when that is Wushe's own address (scheme, host and port of the request, as the
 * proxy forwards them when forwarded headers are enabled) or one of {@code wushe.security.allowed-origins}. A request
 * naming neither comes from a script or a tool, not from another site's page, and passes to the other checks.
 */
class SameOriginFilter extends OncePerRequestFilter {

	private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final Set<String> allowedOrigins;

	private final ApiProblemHandler problems;

	SameOriginFilter(List<String> allowedOrigins, ApiProblemHandler problems) {
		this.allowedOrigins = allowedOrigins.stream()
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(SameOriginFilter::origin)
			.collect(Collectors.toUnmodifiableSet());
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT)) && !fromHere(request)) {
			problems.handle(request, response, new AccessDeniedException("foreign origin"));
			return;
		}
		chain.doFilter(request, response);
	}

	boolean fromHere(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		String source = origin != null ? origin : request.getHeader("Referer");
		if (source == null) {
			return true;
		}
		String claimed = origin(source);
		return claimed != null && (claimed.equals(own(request)) || allowedOrigins.contains(claimed));
	}

	/** {@code scheme://host:port} of an address, lower-case, with the default port spelled out; null if none. */
	static String origin(String address) {
		try {
			URI uri = URI.create(address.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String own(HttpServletRequest request) {
		return request.getScheme().toLowerCase(Locale.ROOT) + "://" + request.getServerName().toLowerCase(Locale.ROOT)
				+ ":" + request.getServerPort();
	}

	/** Puts the check into the security filter chain, right after the security headers, before any body is read. */
	@Configuration
	static class Registration {

		@Bean
		Customizer<HttpSecurity> sameOrigin(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
				LocaleResolver locales, @Value("${wushe.security.allowed-origins:}") List<String> allowedOrigins) {
			SameOriginFilter filter = new SameOriginFilter(allowedOrigins,
					new ApiProblemHandler(resolver, locales));
			return http -> http.addFilterAfter(filter, HeaderWriterFilter.class);
		}

	}

}
