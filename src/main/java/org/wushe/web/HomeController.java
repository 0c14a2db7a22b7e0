package org.wushe.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wushe.region.Regions;

/**
 * The start page after login: who you are, your scope, and, while it loads, the region tree's progress.
 */
@Controller
class HomeController {

	private final Regions regions;

	HomeController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("load", regions.loadStatus());
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
