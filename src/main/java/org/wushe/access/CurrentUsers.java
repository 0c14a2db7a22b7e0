package org.wushe.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The logged-in user of the current request, or {@code null}. Controllers get it in their model through
 * {@link CurrentUserAdvice}; the layout asks this bean directly ({@code @currentUsers.current()}) where no controller
 * filled the model, e.g. on error pages, so that they keep the user's menu.
 */
@Component("currentUsers")
public class CurrentUsers {

	public CurrentUser current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
	}

}
