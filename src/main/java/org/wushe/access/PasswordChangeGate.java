package org.wushe.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wushe.shared.BusinessException;

/**
 * An account whose password was set by someone else may do nothing but change it: pages redirect to the change
 * page, the API answers 403 except on the change endpoint.
 */
@RequiredArgsConstructor
class PasswordChangeGate extends OncePerRequestFilter {

	static final String PAGE = "/account/password";

	static final String API = "/api/accounts/me/password";

	private final ApiProblemHandler problems;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user && user.mustChangePassword()
				&& !allowed(request)) {
			if (SecurityConfig.API.matches(request)) {
				problems.resolve(request, response,
						new BusinessException(HttpStatus.FORBIDDEN, "access.password.change-required"));
			}
			else {
				response.sendRedirect(request.getContextPath() + PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(PAGE) || path.equals(API) || path.equals("/logout") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error");
	}

}
