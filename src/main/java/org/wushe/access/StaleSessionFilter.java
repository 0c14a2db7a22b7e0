package org.wushe.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Changing (or resetting) a password ends the account's other sessions: each request of a session compares when the
 * password last changed, as the session's principal remembers it, with the account's own record. A session from
 * before the change is ended there and the request goes on signed out (to the login page, or 401 on the API). The
 * session that made the change carries the new time (see {@link SessionPrincipals}) and goes on. The record is read
 * from the database, so this holds wherever sessions are kept.
 */
@RequiredArgsConstructor
class StaleSessionFilter extends OncePerRequestFilter {

	private final AccountService accounts;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof CurrentUser user
					&& !accounts.credentialsUnchanged(user.id(), user.credentialsChangedAt())) {
				SecurityContextHolder.clearContext();
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

	/** Puts the check into the security filter chain, right after the session's sign-in is loaded. */
	@Configuration
	static class Registration {

		@Bean
		Customizer<HttpSecurity> staleSessions(AccountService accounts) {
			return http -> http.addFilterAfter(new StaleSessionFilter(accounts), SecurityContextHolderFilter.class);
		}

	}

}
