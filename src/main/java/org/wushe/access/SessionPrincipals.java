package org.wushe.access;

import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Replaces the principal kept in the session after the account changed (e.g. its password), so that the next request
 * sees the new state without logging in again.
 */
@Component
@RequiredArgsConstructor
class SessionPrincipals {

	private final AccountService accounts;

	private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	void refresh(String username) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		accounts.loadUser(username).ifPresent(user -> {
			user.eraseCredentials();
			var updated = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
			updated.setDetails(current == null ? null : current.getDetails());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(updated);
			SecurityContextHolder.setContext(context);
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
					&& attrs.getRequest().getSession(false) != null) {
				repository.saveContext(context, attrs.getRequest(), attrs.getResponse());
			}
		});
	}

}
