package org.wushe.actor.community;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.personal.PersonalColumn;
import org.wushe.personal.PersonalData;
import org.wushe.personal.ExportHandling;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.ListPages;
import org.wushe.region.RegionInput;
import org.wushe.region.RegionScope;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;

/** Community pages: list, export, detail with grassroots groups, create and edit. */
@Controller
@RequiredArgsConstructor
class CommunityController {

	static final int PAGE_SIZE = 50;

	private final CommunityService communities;

	private final RegionInput regions;

	private final ExportHandling exports;

	/** The list as a workbook: the committee phone masked, or in full (audited) with {@code personal-data:view}. */
	@GetMapping("/communities/export")
	@PreAuthorize("hasAuthority('actor:view')")
	void export(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "false") boolean full, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		RegionScope scope = regions.narrow(user.scope(), within);
		ListQuery query = new ListQuery(scope, q, "", "", 0, ListQuery.MAX_SIZE);
		String name = regions.name(scope.root());
		exports.download(user, full, CommunityService.ENTITY, scope, "q=" + q, opener -> report(name, opener),
				() -> communities.stream(query), response, "actor.excel.file.communities", name);
	}

	private static ExcelReport<Communities.Exported> report(String regionName, PersonalData.Opener opener) {
		List<ExportColumn<Communities.Exported>> c = new ArrayList<>();
		c.add(ExportColumn.text("actor.excel.column.region", e -> e.community().regionCode()));
		c.add(ExportColumn.<Communities.Exported>text("actor.communities.village", e -> e.community().regionName())
			.width(24));
		c.add(ExportColumn.<Communities.Exported>text("field.committeeName", e -> e.community().committeeName())
			.width(24));
		c.add(ExportColumn.text("field.contactPerson", e -> e.community().contactPerson()));
		c.add(PersonalColumn.<Communities.Exported>phone("field.contactPhone", opener,
				e -> e.community().contactPhone(), Communities.Exported::contactPhoneCipher));
		c.add(ExportColumn.<Communities.Exported>text("field.address", e -> e.community().address()).width(30));
		c.add(ExportColumn.integer("field.households", e -> e.community().households()));
		c.add(ExportColumn.integer("field.residents", e -> e.community().residents()));
		c.add(ExportColumn.integer("actor.communities.groups", e -> e.community().groups()));
		c.add(ExportColumn.dateTime("actor.excel.column.updated-at", e -> e.community().updatedAt()));
		return new ExcelReport<>("actor.excel.title.communities", List.of(regionName), "actor.excel.sheet.communities",
				c);
	}

	@GetMapping("/communities")
	@PreAuthorize("hasAuthority('actor:view')")
	String list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		RegionScope scope = regions.narrow(user.scope(), within);
		int p = Math.max(page, 0);
		model.addAttribute("result", communities.list(new ListQuery(scope, q, "", "", p * PAGE_SIZE, PAGE_SIZE)));
		model.addAttribute("within", scope.root().value());
		model.addAttribute("withinName", regions.name(scope.root()));
		model.addAttribute("q", q);
		model.addAttribute("kind", "");
		model.addAttribute("status", "");
		return "actor/communities/list";
	}

	@GetMapping("/communities/{code}")
	@PreAuthorize("hasAuthority('actor:view')")
	String show(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("community", communities.get(user.scope(), code));
		model.addAttribute("groups", communities.groups(user.scope(), code));
		model.addAttribute("kinds", GroupKind.values());
		return "actor/communities/show";
	}

	@GetMapping("/communities/{code}/personal-data")
	@PreAuthorize("hasAuthority('actor:view') and hasAuthority('personal-data:view')")
	String reveal(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("phone", communities.revealPhone(user, code).orElse(""));
		return "actor/organizations/show :: full-phone";
	}

	@PostMapping("/communities/{code}/groups")
	@PreAuthorize("hasAuthority('actor:manage')")
	String addGroup(@PathVariable String code, GroupInput group, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes flash) {
		try {
			communities.addGroup(user.scope(), code, group);
			flash.addFlashAttribute("flash", "actor.community.group-added");
			return "redirect:/communities/" + code;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("community", communities.get(user.scope(), code));
			model.addAttribute("groups", communities.groups(user.scope(), code));
			model.addAttribute("kinds", GroupKind.values());
			model.addAttribute("group", group);
			model.addAttribute("errors", ex.errors());
			return "actor/communities/show";
		}
	}

	@GetMapping("/communities/new")
	@PreAuthorize("hasAuthority('actor:manage')")
	String form(@RequestParam(required = false) String region, Model model) {
		model.addAttribute("form", CommunityInput.empty(region == null ? "" : region));
		return "actor/communities/form";
	}

	@PostMapping("/communities")
	@PreAuthorize("hasAuthority('actor:manage')")
	String create(CommunityInput form, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		return ListPages.save(() -> {
			Community c = communities.create(form, user.scope());
			flash.addFlashAttribute("flash", "actor.community.created");
			return "redirect:/communities/" + c.regionCode();
		}, form, model, m -> {
		}, "actor/communities/form");
	}

	@GetMapping("/communities/{code}/edit")
	@PreAuthorize("hasAuthority('actor:manage')")
	String edit(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
		Community c = communities.get(user.scope(), code);
		model.addAttribute("form", CommunityInput.of(c));
		model.addAttribute("community", c);
		return "actor/communities/form";
	}

	@PostMapping("/communities/{code}")
	@PreAuthorize("hasAuthority('actor:manage')")
	String update(@PathVariable String code, CommunityInput form, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes flash) {
		model.addAttribute("community", communities.get(user.scope(), code));
		return ListPages.save(() -> {
			communities.update(code, form, user.scope());
			flash.addFlashAttribute("flash", "actor.community.updated");
			return "redirect:/communities/" + code;
		}, form, model, m -> {
		}, "actor/communities/form");
	}

}
