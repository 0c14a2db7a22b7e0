package org.wushe.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wushe.region.Regions;
import org.wushe.shared.HomeNotice;
import org.wushe.shared.HomeNotices;

/**
 * The start page after login: who you are, your scope, what is pending for you (the notices that modules contribute
 * through {@link HomeNotices}, e.g. reporting deadlines), and, while it loads, the region tree's progress.
 */
@Controller
class HomeController {

	private final Regions regions;

	private final ObjectProvider<HomeNotices> notices;

	HomeController(Regions regions, ObjectProvider<HomeNotices> notices) {
		this.regions = regions;
		this.notices = notices;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal UserDetails user, Model model) {
		model.addAttribute("load", regions.loadStatus());
		List<HomeNotice> pending = user == null ? List.of()
				: notices.orderedStream().flatMap(n -> n.noticesFor(user).stream()).toList();
		model.addAttribute("notices", pending);
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
