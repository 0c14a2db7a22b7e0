package org.wushe.access;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in user into every page model as {@code currentUser}, for the layout and for permission-dependent
 * buttons ({@code currentUser.can('account:manage')}).
 */
@ControllerAdvice
class CurrentUserAdvice {

	private final CurrentUsers users;

	CurrentUserAdvice(CurrentUsers users) {
		this.users = users;
	}

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		return users.current();
	}

}
