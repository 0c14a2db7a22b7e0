package org.wushe.web;

import java.util.Comparator;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wushe.region.Regions;
import org.wushe.region.RegionScope;
import org.wushe.shared.HomeFigure;
import org.wushe.shared.HomeFigures;
import org.wushe.shared.HomeNotice;
import org.wushe.shared.HomeNotices;

/**
 * The workbench, the start page after login: who you are and for which unit, what is to be done (the notices that
 * modules contribute through {@link HomeNotices}: reports due or returned, articles to fix or review, units behind a
 * deadline), the campaigns running now with their next deadline and the unit's standing, shortcuts to the role's
 * daily jobs, the region's key figures (from modules through {@link HomeFigures}) and, while it loads, the region
 * tree's progress.
 */
@Controller
@RequiredArgsConstructor
class HomeController {

	/** Notices of this kind are campaigns running now, shown apart from the to-dos. */
	static final String CAMPAIGN = "campaign";

	/** A shortcut to a daily job, shown to users holding its permission. */
	record Shortcut(String labelKey, String href, String permission) {
	}

	static final List<Shortcut> SHORTCUTS = List.of(new Shortcut("home.shortcut.report", "/campaigns", "report:submit"),
			new Shortcut("home.shortcut.activity", "/activities", "activity:record"),
			new Shortcut("home.shortcut.article", "/articles/new", "article:submit"),
			new Shortcut("home.shortcut.review", "/articles/review", "article:review"),
			new Shortcut("home.shortcut.volunteer", "/volunteers/new", "actor:manage"),
			new Shortcut("home.shortcut.sites", "/sites/coverage", "site:manage"),
			new Shortcut("home.shortcut.dashboard", "/stats", "stats:view"),
			new Shortcut("home.shortcut.accounts", "/accounts", "account:manage"),
			new Shortcut("home.shortcut.audit", "/audit", "audit:view"),
			new Shortcut("home.shortcut.messages", "/messages", null));

	private final Regions regions;

	private final ObjectProvider<HomeNotices> notices;

	private final ObjectProvider<HomeFigures> figures;

	@GetMapping("/")
	String home(@AuthenticationPrincipal UserDetails user, RegionScope scope, Model model) {
		model.addAttribute("load", regions.loadStatus());
		List<HomeNotice> all = user == null ? List.of()
				: notices.orderedStream().flatMap(n -> n.noticesFor(user).stream()).toList();
		model.addAttribute("notices", all.stream()
			.filter(n -> !CAMPAIGN.equals(n.kind()))
			.sorted(Comparator.comparing(n -> !n.urgent()))
			.toList());
		model.addAttribute("campaigns", all.stream().filter(n -> CAMPAIGN.equals(n.kind())).toList());
		List<String> held = user == null ? List.of()
				: user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		model.addAttribute("shortcuts",
				SHORTCUTS.stream().filter(s -> s.permission() == null || held.contains(s.permission())).toList());
		// the region's key figures need the loaded tree (names, counts below the region)
		model.addAttribute("figures", user == null || scope == null || !regions.isReady() ? List.<HomeFigure>of()
				: figures.orderedStream().flatMap(f -> f.figuresFor(scope.root().value(), held).stream()).toList());
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/system/region-load")
	String regionLoad(Model model) {
		model.addAttribute("load", regions.loadStatus());
		return "home :: load";
	}

}
