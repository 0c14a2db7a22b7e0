package org.wushe.access;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in user into every page model as {@code currentUser}, for the layout and for permission-dependent
 * buttons ({@code currentUser.can('account:manage')}).
 */
@ControllerAdvice
@RequiredArgsConstructor
class CurrentUserAdvice {

	private final CurrentUsers users;

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		return users.current();
	}

}
