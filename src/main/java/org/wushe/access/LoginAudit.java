package org.wushe.access;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.wushe.shared.TextHygiene;

/**
 * Every login, success or failure, goes to the audit trail with its source address, and drives the lock-out: five
 * failures in a row lock the account for fifteen minutes. Basic-authenticated API calls count as logins too.
 */
@Component
@RequiredArgsConstructor
class LoginAudit {

	private final AccountService accounts;

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		accounts.loginSucceeded(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		// a failed login's name is whatever was typed: its control characters are recorded as \\uXXXX escapes
		accounts.loginFailed(TextHygiene.shown(event.getAuthentication().getName()), address(event.getAuthentication()),
				event.getException().getClass().getSimpleName());
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

}
