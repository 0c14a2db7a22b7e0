package org.wushe.access;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Hands security failures on {@code /api/**} to the MVC exception resolver, which answers with a Chinese
 * {@code ProblemDetail} (401, 403). The 401 carries a Basic challenge only to a caller that sent Basic credentials:
 * challenging every caller would have browsers ask for and cache credentials, which they then send with any
 * request, also one that another site's page makes them send. These answers are written before the DispatcherServlet, so
 * the locale is resolved here the same way the pages resolve it (Chinese unless the user chose otherwise), not from
 * the JVM's default.
 */
@RequiredArgsConstructor
class ApiProblemHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final HandlerExceptionResolver resolver;

	private final LocaleResolver locales;

	private final AccessDeniedHandler pages = new AccessDeniedHandlerImpl();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (sentBasic(request)) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Wushe\"");
		}
		// the status of pages too, whose error view is not rendered here (the API's ProblemDetail sets it again)
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		resolve(request, response, authException);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		if (SecurityConfig.API.matches(request)) {
			resolve(request, response, accessDeniedException);
		}
		else {
			// pages (e.g. a form posted without its CSRF token): the 403 error page
			pages.handle(request, response, accessDeniedException);
		}
	}

	private static boolean sentBasic(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	void resolve(HttpServletRequest request, HttpServletResponse response, Exception ex) throws IOException {
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(locales.resolveLocale(request));
		try {
			if (resolver.resolveException(request, response, null, ex) == null) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

}
