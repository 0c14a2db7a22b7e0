package org.wushe.charity.fund;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.charity.support.CharityFilter;
import org.wushe.charity.support.CharityRegions;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;

/** Pages of charity funds and charitable trusts: lists and create forms. */
@Controller
class FundController {

	private final FundService funds;

	private final CharityRegions regions;

	FundController(FundService funds, CharityRegions regions) {
		this.funds = funds;
		this.regions = regions;
	}

	@GetMapping("/funds")
	@PreAuthorize("hasAuthority('charity:view')")
	String funds(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = regions.narrow(user.scope(), within);
		List<Fund> rows = funds.funds(new CharityFilter(scope, q, "", 0, CharityFilter.MAX_SIZE));
		model.addAttribute("funds", rows.subList(0, Math.min(rows.size(), CharityFilter.MAX_SIZE)));
		model.addAttribute("within", scope.root().value());
		model.addAttribute("q", q);
		return "charity/funds";
	}

	@GetMapping("/funds/new")
	@PreAuthorize("hasAuthority('charity:manage')")
	String fundForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", FundInput.empty(user.region().value()));
		model.addAttribute("statuses", FundStatus.values());
		return "charity/fund-form";
	}

	@PostMapping("/funds")
	@PreAuthorize("hasAuthority('charity:manage')")
	String createFund(FundInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		try {
			funds.createFund(form, user.scope());
			flash.addFlashAttribute("flash", "charity.fund.created");
			return "redirect:/funds";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("statuses", FundStatus.values());
			model.addAttribute("errors", ex.errors());
			return "charity/fund-form";
		}
	}

	@GetMapping("/trusts")
	@PreAuthorize("hasAuthority('charity:view')")
	String trusts(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = regions.narrow(user.scope(), within);
		List<CharitableTrust> rows = funds.trusts(new CharityFilter(scope, q, "", 0, CharityFilter.MAX_SIZE));
		model.addAttribute("trusts", rows.subList(0, Math.min(rows.size(), CharityFilter.MAX_SIZE)));
		model.addAttribute("within", scope.root().value());
		model.addAttribute("q", q);
		return "charity/trusts";
	}

	@GetMapping("/trusts/new")
	@PreAuthorize("hasAuthority('charity:manage')")
	String trustForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", TrustInput.empty(user.region().value()));
		return "charity/trust-form";
	}

	@PostMapping("/trusts")
	@PreAuthorize("hasAuthority('charity:manage')")
	String createTrust(TrustInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		try {
			funds.createTrust(form, user.scope());
			flash.addFlashAttribute("flash", "charity.trust.created");
			return "redirect:/trusts";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", ex.errors());
			return "charity/trust-form";
		}
	}

}
