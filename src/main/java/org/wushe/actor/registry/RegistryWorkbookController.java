package org.wushe.actor.registry;

import java.io.IOException;
import java.util.Map;

import lombok.RequiredArgsConstructor;
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
import org.wushe.personal.ImportHandling;
import org.wushe.personal.RegistryWorkbooks;

/**
 * The workbooks of the organization, social worker and volunteer registries: export of the list, the import
 * template, imports with progress (pages and API). Each registry's {@code *Excel} describes its own.
 */
@Controller
@RequiredArgsConstructor
class RegistryWorkbookController {

	private final RegistryWorkbooks workbooks;

	@GetMapping({ "/organizations/export", "/workers/export", "/volunteers/export" })
	@PreAuthorize("hasAuthority('actor:view')")
	void export(@RequestParam Map<String, String> filters, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, HttpServletResponse response) {
		workbooks.export(filters, user, request, response);
	}

	@GetMapping({ "/organizations/import", "/workers/import", "/volunteers/import" })
	@PreAuthorize("hasAuthority('actor:manage')")
	String importPage(Model model, HttpServletRequest request) {
		return workbooks.page(model, request);
	}

	@GetMapping({ "/organizations/import/template", "/workers/import/template", "/volunteers/import/template" })
	@PreAuthorize("hasAuthority('actor:manage')")
	void template(HttpServletRequest request, HttpServletResponse response) throws IOException {
		workbooks.template(request, response);
	}

	@PostMapping({ "/organizations/import", "/workers/import", "/volunteers/import" })
	@PreAuthorize("hasAuthority('actor:manage')")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request) {
		return workbooks.upload(file, mode, user, model, request);
	}

	@GetMapping({ "/organizations/import/{job}", "/workers/import/{job}", "/volunteers/import/{job}" })
	@PreAuthorize("hasAuthority('actor:manage')")
	String job(@PathVariable String job, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request) {
		return workbooks.job(job, user, model, request);
	}

	@PostMapping(path = { "/api/organizations/import", "/api/workers/import", "/api/volunteers/import" },
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('actor:manage')")
	@ResponseBody
	@Operation(tags = "registries", summary = "Import organizations, workers or volunteers from the xlsx template",
			description = """
					mode = ALL (nothing is stored if any row is wrong) or VALID (only the valid rows). Small files \
					answer 200 with the finished job; large ones 202 with a job to poll at /api/<registry>/import/{id}.""")
	ResponseEntity<ImportHandling.Summary> apiUpload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String mode, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request) {
		return workbooks.apiUpload(file, mode, user, request);
	}

	@GetMapping({ "/api/organizations/import/{job}", "/api/workers/import/{job}", "/api/volunteers/import/{job}" })
	@PreAuthorize("hasAuthority('actor:manage')")
	@ResponseBody
	@Operation(tags = "registries", summary = "Progress and result of an import of organizations, workers or volunteers")
	ImportHandling.Summary apiJob(@PathVariable String job, @AuthenticationPrincipal CurrentUser user) {
		return workbooks.apiJob(job, user);
	}

}
