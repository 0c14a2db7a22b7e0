package org.wushe.region;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Region pages: drill down from the user's own region with breadcrumbs and per-level counts, and search by name.
 */
@Controller
@PreAuthorize("hasAuthority('region:view')")
@RequiredArgsConstructor
class RegionController {

	private final Regions regions;

	@GetMapping("/regions")
	String root(RegionScope scope) {
		return "redirect:/regions/" + scope.root().value();
	}

	@GetMapping("/regions/{code}")
	String show(@PathVariable String code, RegionScope scope, Model model) {
		if (!regions.isReady()) {
			model.addAttribute("load", regions.loadStatus());
			return "region/loading";
		}
		Region region = regions.get(RegionApi.visible(code, scope));
		List<Region> path = regions.path(region.code());
		model.addAttribute("region", region);
		model.addAttribute("path", path.stream().filter(r -> scope.covers(r.code())).toList());
		model.addAttribute("children", regions.children(region.code()));
		model.addAttribute("levels", List.of(RegionLevel.values())
			.stream()
			.filter(l -> l.isBelow(region.level()))
			.toList());
		return "region/show";
	}

	@GetMapping("/regions/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String within,
			RegionScope scope, Model model) {
		RegionCode root = within == null || within.isBlank() ? scope.root() : RegionApi.visible(within, scope);
		model.addAttribute("q", q);
		model.addAttribute("results", regions.search(q, root, 50));
		return "region/show :: results";
	}

}
