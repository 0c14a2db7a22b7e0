package org.wushe.actor.organization;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.personal.ExportHandling;
import org.wushe.actor.registry.ImportHandling;
import org.wushe.actor.registry.ListQuery;
import org.wushe.actor.registry.RegionInput;
import org.wushe.region.RegionScope;

/** Organizations workbooks: export of the list, the import template, imports with progress (pages and API). */
@Controller
class OrganizationExcelController {

	static final String BASE = "/organizations";

	static final ImportHandling.ImportPage PAGE = new ImportHandling.ImportPage(BASE, "actor.excel.import.organizations",
			"actor.excel.import.organizations-help");

	private final OrganizationService organizations;

	private final OrganizationExcel excel;

	private final RegionInput regions;

	private final ImportHandling imports;

	private final ExportHandling exports;

	OrganizationExcelController(OrganizationService organizations, OrganizationExcel excel, RegionInput regions,
			ImportHandling imports, ExportHandling exports) {
		this.organizations = organizations;
		this.excel = excel;
		this.regions = regions;
		this.imports = imports;
		this.exports = exports;
	}

	@GetMapping(BASE + "/export")
	@PreAuthorize("hasAuthority('actor:view')")
	void export(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "false") boolean full,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		RegionScope scope = regions.narrow(user.scope(), within);
		ListQuery query = new ListQuery(scope, q, kind, status, 0, ListQuery.MAX_SIZE);
		String name = regions.name(scope.root());
		exports.download(user, full, OrganizationService.ENTITY, scope, "q=" + q + ";kind=" + kind + ";status=" + status,
				opener -> excel.report(name, opener), () -> organizations.stream(query), response,
				"actor.excel.file.organizations", name);
	}

	@GetMapping(BASE + "/import")
	@PreAuthorize("hasAuthority('actor:manage')")
	String importPage(Model model) {
		return imports.page(PAGE, model);
	}

	@GetMapping(BASE + "/import/template")
	@PreAuthorize("hasAuthority('actor:manage')")
	void template(HttpServletResponse response) throws IOException {
		imports.template(OrganizationExcel.LAYOUT, "actor.excel.template.organizations", response);
	}

	@PostMapping(BASE + "/import")
	@PreAuthorize("hasAuthority('actor:manage')")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request) {
		return imports.startFromPage(file, mode, excel.plan(user.scope()), user, PAGE, model, request);
	}

	@GetMapping(BASE + "/import/{job}")
	@PreAuthorize("hasAuthority('actor:manage')")
	String job(@PathVariable String job, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request) {
		return imports.jobFragment(job, user, PAGE, model, request);
	}

	@PostMapping(path = "/api/organizations/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('actor:manage')")
	@ResponseBody
	@Operation(tags = "organizations", summary = "Import organizations from the xlsx template", description = """
			mode = ALL (nothing is stored if any row is wrong) or VALID (only the valid rows). Small files answer \
			200 with the finished job; large ones 202 with a job to poll at /api/organizations/import/{id}.""")
	ResponseEntity<ImportHandling.Summary> apiUpload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String mode, @AuthenticationPrincipal CurrentUser user) {
		return imports.startFromApi(file, mode, excel.plan(user.scope()), user);
	}

	@GetMapping("/api/organizations/import/{job}")
	@PreAuthorize("hasAuthority('actor:manage')")
	@ResponseBody
	@Operation(tags = "organizations", summary = "Progress and result of an import of organizations")
	ImportHandling.Summary apiJob(@PathVariable String job, @AuthenticationPrincipal CurrentUser user) {
		return imports.summary(job, user);
	}

}
