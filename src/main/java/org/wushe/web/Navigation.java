package org.wushe.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

/**
 * The sidebar menu: the {@link NavItem} beans of all modules, grouped by {@link NavGroup}; the layout reaches it as
 * {@code @navigation}.
 * <p>
 * A module adds an entry with one bean method returning a {@code NavItem} (group, message key, path, permission,
 * order). Each entry is shown only when a page is served at its path or below it, and only to users holding its
 * permission.
 */
@Component("navigation")
class Navigation {

	/** Workbench entries every logged-in user sees (no permission needed). */
	static final List<NavItem> WORKBENCH = List.of(new NavItem(NavGroup.WORKBENCH, "nav.workbench", "/", null, 0));


	/** One group of the menu as one user sees it. */
	public record MenuGroup(NavGroup group, List<NavItem> items) {

		public String id() {
			return "nav-group-" + group.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** Where a page sits in the menu: its group and entry, for the breadcrumbs; absent for the home page. */
	public record Trail(NavGroup group, NavItem item) {
	}

	private final List<NavItem> declared;

	private final ApplicationContext context;

	private volatile List<NavItem> items;

	Navigation(List<NavItem> modules, ApplicationContext context) {
		this.context = context;
		this.declared = Stream
			.of(WORKBENCH.stream(), modules.stream())
			.flatMap(s -> s)
			.sorted(Comparator.comparing(NavItem::group).thenComparingInt(NavItem::order))
			.toList();
		this.items = declared;
	}

	/** Drops the entries no page is served at, once all controllers are known. */
	@EventListener(ContextRefreshedEvent.class)
	void keepServed() {
		Set<String> patterns = context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()
			.stream()
			.flatMap(m -> m.getHandlerMethods().keySet().stream())
			.flatMap(info -> info.getPatternValues().stream())
			.collect(Collectors.toSet());
		items = declared.stream().filter(i -> served(i.href(), patterns)).toList();
	}

	static boolean served(String href, Set<String> patterns) {
		return patterns.stream().anyMatch(p -> p.equals(href) || p.startsWith(href.endsWith("/") ? href : href + "/"));
	}

	/** Every entry that is served, grouped and in order, whoever the user. */
	public List<NavItem> items() {
		return items;
	}

	/** The groups and entries {@code user} may use; groups without such an entry are left out. */
	public List<MenuGroup> menu(UserDetails user) {
		if (user == null) {
			return List.of();
		}
		Set<String> held = user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		Map<NavGroup, List<NavItem>> groups = new EnumMap<>(NavGroup.class);
		for (NavItem item : items) {
			if (item.permission() == null || held.contains(item.permission())) {
				groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
			}
		}
		return groups.entrySet().stream().map(e -> new MenuGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/** The entry {@code path} belongs to: the one whose path is the longest prefix of it; {@code null} for none. */
	public NavItem current(String path) {
		if (path == null) {
			return null;
		}
		NavItem best = null;
		for (NavItem item : items) {
			String href = item.href();
			boolean under = href.equals("/") ? path.equals("/")
					: path.equals(href) || path.startsWith(href + "/");
			if (under && (best == null || href.length() > best.href().length())) {
				best = item;
			}
		}
		return best;
	}

	/** The breadcrumb trail of {@code path}, or {@code null} on the home page and on pages outside the menu. */
	public Trail trail(String path) {
		NavItem item = current(path);
		return item == null || item.group() == NavGroup.WORKBENCH ? null : new Trail(item.group(), item);
	}

}
