package org.wushe.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the path of the page into every page model as {@code navPath}, for the menu's active entry and breadcrumbs. */
@ControllerAdvice
class NavigationAdvice {

	@ModelAttribute("navPath")
	String navPath(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context.isEmpty() || !uri.startsWith(context) ? uri : uri.substring(context.length());
	}

}
