package org.wushe.care.web;

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
import org.wushe.care.PersonWorkbook;
import org.wushe.personal.ImportHandling;

/**
 * The people served in Excel, through the shared registry import and export: the list export (masked, or in full with
 * {@code full=true} for users allowed to see personal data), the template, and imports with progress (page and API).
 */
@Controller
@RequiredArgsConstructor
class PersonExcelController {

	private final PersonWorkbook workbook;

	private final ImportHandling imports;

	@GetMapping("/care/persons/export")
	@PreAuthorize("hasAuthority('care:view')")
	void export(@RequestParam Map<String, String> filters, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) {
		workbook.export(user, filters, "true".equals(filters.get("full")), response);
	}

	@GetMapping("/care/persons/import")
	@PreAuthorize("hasAuthority('care:record')")
	String importPage(Model model) {
		return imports.page(workbook.importPage(), model);
	}

	@GetMapping("/care/persons/import/template")
	@PreAuthorize("hasAuthority('care:record')")
	void template(HttpServletResponse response) throws IOException {
		imports.template(workbook.layout(), workbook.templateFileKey(), response);
	}

	@PostMapping("/care/persons/import")
	@PreAuthorize("hasAuthority('care:record')")
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletRequest request) {
		return imports.startFromPage(file, mode, workbook.plan(user), user, workbook.importPage(), model, request);
	}

	@GetMapping("/care/persons/import/{job}")
	@PreAuthorize("hasAuthority('care:record')")
	String job(@PathVariable String job, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request) {
		return imports.jobFragment(job, user, workbook.importPage(), model, request);
	}

	@PostMapping(path = "/api/persons/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('care:record')")
	@ResponseBody
	@Operation(tags = "care", summary = "Import persons served from the xlsx template", description = """
			mode = ALL (nothing is stored if any row is wrong) or VALID (only the valid rows). Rows are checked as \
			POST /api/persons checks them; errors name row and column. Small files answer 200 with the finished job; \
			large ones 202 with a job to poll at /api/persons/import/{id}.""")
	ResponseEntity<ImportHandling.Summary> apiUpload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String mode, @AuthenticationPrincipal CurrentUser user) {
		return imports.startFromApi(file, mode, workbook.plan(user), user);
	}

	@GetMapping("/api/persons/import/{job}")
	@PreAuthorize("hasAuthority('care:record')")
	@ResponseBody
	@Operation(tags = "care", summary = "Progress and result of an import of persons served")
	ImportHandling.Summary apiJob(@PathVariable String job, @AuthenticationPrincipal CurrentUser user) {
		return imports.summary(job, user);
	}

}
