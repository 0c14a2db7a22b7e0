package org.wushe.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Hands security failures on {@code /api/**} to the MVC exception resolver, which answers with a Chinese
 * {@code ProblemDetail} (401 with a Basic challenge, 403).
 */
class ApiProblemHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final HandlerExceptionResolver resolver;

	ApiProblemHandler(HandlerExceptionResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"Wushe\"");
		resolve(request, response, authException);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		resolve(request, response, accessDeniedException);
	}

	void resolve(HttpServletRequest request, HttpServletResponse response, Exception ex) throws IOException {
		if (resolver.resolveException(request, response, null, ex) == null) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}
	}

}
