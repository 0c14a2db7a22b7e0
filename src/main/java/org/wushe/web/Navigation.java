package org.wushe.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.wushe.shared.NavItem;

/** The navigation entries of all modules, in order; the layout reaches it as {@code @navigation}. */
@Component("navigation")
class Navigation {

	private final List<NavItem> items;

	Navigation(List<NavItem> items) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
	}

	public List<NavItem> items() {
		return items;
	}

}
