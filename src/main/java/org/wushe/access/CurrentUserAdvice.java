package org.wushe.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in user into every page model as {@code currentUser}, for the layout and for permission-dependent
 * buttons ({@code currentUser.can('account:manage')}).
 */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
	}

}
