package org.wushe.site;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.ListPage;
import org.wushe.shared.excel.ExcelExports;
import org.wushe.shared.excel.ExcelImports;
import org.wushe.shared.excel.ExcelRejected;
import org.wushe.shared.excel.ImportJob;
import org.wushe.shared.excel.ImportMode;

/**
 * Site pages: the list with filters and search, detail, create and edit, the coverage drill-down, the placard,
 * Excel export and import.
 */
@Controller
@RequestMapping("/sites")
@PreAuthorize("hasAuthority('site:view')")
@RequiredArgsConstructor
class SiteController {

	static final int PAGE_SIZE = 30;

	private final SiteService sites;

	private final Regions regions;

	private final AuditTrail audit;

	private final ExcelImports imports;

	private final ExcelExports exports;

	private final SiteLinks links;

	private final Clock clock;

	@GetMapping
	String list(@RequestParam(required = false) String within, @RequestParam(required = false) String type,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, RegionScope scope, HttpServletRequest request, Model model) {
		SiteQuery query = query(within, type, status, q);
		ListPage p = new ListPage(page, PAGE_SIZE);
		p.show(model, "rows", sites.list(scope, query, p.offset(), p.limit()));
		model.addAttribute("within", query.within() == null ? "" : query.within().value());
		model.addAttribute("type", query.type() == null ? "" : query.type().name());
		model.addAttribute("status", query.status() == null ? "" : query.status().name());
		model.addAttribute("q", query.text());
		model.addAttribute("types", SiteType.values());
		model.addAttribute("statuses", SiteStatus.values());
		return request.getHeader("HX-Request") != null ? "site/list :: results" : "site/list";
	}

	static SiteQuery query(String within, String type, String status, String q) {
		RegionCode region = within == null || within.isBlank() ? null : RegionCode.parse(within, "within");
		return new SiteQuery(region, SiteType.parse(type), SiteStatus.parse(status), q);
	}

	@GetMapping("/new")
	@PreAuthorize("hasAuthority('site:manage')")
	String newForm(@RequestParam(required = false) String type, @RequestParam(required = false) String region,
			Model model) {
		return form(model, SiteForm.empty(type, region), null, List.of());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('site:manage')")
	String create(SiteForm form, RegionScope scope, Model model, RedirectAttributes flash) {
		try {
			Site site = sites.create(form.toInput(), scope);
			flash.addFlashAttribute("flash", "site.flash.created");
			return "redirect:/sites/" + site.id();
		}
		catch (InvalidInputException ex) {
			return form(model, form, null, ex.errors());
		}
		catch (BusinessException ex) {
			return form(model, form, null, List.of(asFieldError(ex)));
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, RegionScope scope, Model model) {
		Site site = sites.get(id, scope);
		model.addAttribute("site", site);
		model.addAttribute("publicUrl", links.publicUrl(site.publicId()));
		return "site/show";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAuthority('site:manage')")
	String editForm(@PathVariable long id, RegionScope scope, Model model) {
		Site site = sites.getForEditing(id, scope);
		return form(model, SiteForm.of(site), site, List.of());
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority('site:manage')")
	String update(@PathVariable long id, SiteForm form, RegionScope scope, Model model, RedirectAttributes flash) {
		Site existing = sites.get(id, scope);
		try {
			sites.update(id, form.toInput(), scope);
			flash.addFlashAttribute("flash", "site.flash.updated");
			return "redirect:/sites/" + id;
		}
		catch (InvalidInputException ex) {
			return form(model, form, existing, ex.errors());
		}
		catch (BusinessException ex) {
			return form(model, form, existing, List.of(asFieldError(ex)));
		}
	}

	private String form(Model model, SiteForm form, Site existing, List<FieldError> errors) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldLabels", SiteRules.LABELS);
		model.addAttribute("types", SiteType.values());
		model.addAttribute("statuses", SiteStatus.values());
		return "site/form";
	}

	/** A refusal of the whole form (region out of scope, region taken, stale edit) shown like a field error. */
	static FieldError asFieldError(BusinessException ex) {
		String field = switch (ex.messageKey()) {
			case "region.error.unknown", "site.error.active-exists" -> "regionCode";
			default -> "version";
		};
		if (ex.status() != HttpStatus.NOT_FOUND && ex.status() != HttpStatus.CONFLICT
				&& ex.status() != HttpStatus.BAD_REQUEST) {
			throw ex;
		}
		return new FieldError(field, ex.messageKey(), ex.args());
	}

	@GetMapping("/{id}/placard")
	String placard(@PathVariable long id, RegionScope scope, Model model) {
		Site site = sites.get(id, scope);
		String url = links.placardUrl(site.publicId());
		model.addAttribute("site", PublicSiteController.PublicSite.of(site));
		model.addAttribute("publicUrl", url);
		model.addAttribute("qr", QrCode.dataUri(url));
		return "site/placard";
	}

	@GetMapping("/coverage")
	String coverage(@RequestParam(required = false) String region, @RequestParam(defaultValue = "") String lag,
			RegionScope scope, Model model) {
		RegionCode code = region == null || region.isBlank() ? scope.root() : RegionCode.parse(region, "region");
		Coverage self = sites.coverage(code, scope);
		List<Coverage> children = new ArrayList<>(sites.childCoverage(code, scope));
		SiteType lagBy = SiteType.parse(lag);
		if (lagBy != null) {
			children.sort(Comparator.comparing((Coverage c) -> c.coverage(lagBy) == null ? 2.0 : c.coverage(lagBy))
				.thenComparing(Coverage::regionCode));
		}
		List<Region> path = regions.path(code).stream().filter(r -> scope.covers(r.code())).toList();
		List<SiteType> shown = new ArrayList<>();
		for (SiteType t : SiteType.values()) {
			if (self.regions(t) > 0) {
				shown.add(t);
			}
		}
		model.addAttribute("coverage", self);
		model.addAttribute("children", children);
		model.addAttribute("path", path);
		model.addAttribute("shown", shown);
		model.addAttribute("childShown", shown.stream()
			.filter(t -> children.stream().anyMatch(c -> c.regions(t) > 0))
			.toList());
		model.addAttribute("lag", lagBy == null ? "" : lagBy.name());
		return "site/coverage";
	}

	@GetMapping("/export")
	void export(@RequestParam(required = false) String within, @RequestParam(required = false) String type,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "") String q,
			RegionScope scope, HttpServletResponse response) throws IOException {
		SiteQuery query = query(within, type, status, q);
		// resolve the scope before the response starts, so that an out-of-scope region still answers 404
		SiteService.narrow(scope, query.within());
		exports.download(SiteExport.REPORT, sites.stream(scope, query), response, "site.export.file-name",
				LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE));
	}

	@GetMapping("/import")
	@PreAuthorize("hasAuthority('site:manage')")
	String importPage() {
		return "site/import";
	}

	@GetMapping("/import/template")
	@PreAuthorize("hasAuthority('site:manage')")
	void template(HttpServletResponse response) throws IOException {
		imports.downloadTemplate(SiteImport.LAYOUT, "site.import.file-name", response);
	}

	@PostMapping("/import")
	@PreAuthorize("hasAuthority('site:manage')")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
			RegionScope scope, @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
		try {
			ImportJob job = imports.start(file, new SiteImport(sites, regions, audit, scope), ImportMode.parse(mode),
					user.getUsername());
			model.addAttribute("job", job);
		}
		catch (ExcelRejected ex) {
			model.addAttribute("rejection", ex);
		}
		// htmx swaps the result in place; without scripts the whole page comes back with it
		return request.getHeader("HX-Request") != null ? "site/import :: result" : "site/import";
	}

	@GetMapping("/import/jobs/{id}")
	@PreAuthorize("hasAuthority('site:manage')")
	String job(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		ImportJob job = imports.job(id, user.getUsername())
			.orElseThrow(() -> BusinessException.notFound("site.import.unknown-job"));
		model.addAttribute("job", job);
		return "site/import :: job-only";
	}

}
