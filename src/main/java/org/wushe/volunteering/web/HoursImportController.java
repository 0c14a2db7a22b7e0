package org.wushe.volunteering.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
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
import org.wushe.actor.VolunteerDirectory;
import org.wushe.personal.ImportHandling;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelRejected;
import org.wushe.volunteering.AttendanceSheet;
import org.wushe.volunteering.HoursImport;
import org.wushe.volunteering.HoursRecords;
import org.wushe.volunteering.HoursService;
import org.wushe.volunteering.ProjectService;

/**
 * A project's hours imported from Excel through the shared import path ({@link ImportHandling}): the template, the
 * upload (all rows or none by default, or only the valid ones with {@code mode=valid}), and the job's progress and
 * row/column errors, as pages and as the API ({@code POST /api/projects/{id}/hours/import}, multipart {@code file}:
 * 200 with the finished job, or 202 with a job to poll at {@code GET /api/projects/{id}/hours/import/{job}}).
 * Projects outside the user's scope answer 404.
 */
@Controller
@PreAuthorize("hasAuthority('volunteering:manage')")
@RequiredArgsConstructor
class HoursImportController {

	private final ImportHandling imports;

	private final ProjectService projects;

	private final HoursService hours;

	private final AttendanceSheet sheet;

	private final HoursRecords records;

	private final VolunteerDirectory volunteers;

	/** The import of the project's sheet, for the project in scope (404 else). */
	private HoursImport plan(RegionScope scope, ProjectService.Project project) {
		return new HoursImport(hours, sheet, records, volunteers, scope, project);
	}

	@GetMapping("/volunteering/projects/{id}/import")
	String page(@PathVariable long id, RegionScope scope, Model model) {
		model.addAttribute("project", projects.project(scope, id));
		return "volunteering/import";
	}

	@GetMapping("/volunteering/projects/{id}/import/template")
	void template(@PathVariable long id, RegionScope scope, HttpServletResponse response) throws IOException {
		projects.project(scope, id);
		imports.template(HoursImport.LAYOUT, "volunteering.import.file-name", response);
	}

	@PostMapping("/volunteering/projects/{id}/import")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String mode, RegionScope scope, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, Model model) {
		ProjectService.Project project = projects.project(scope, id);
		model.addAttribute("project", project);
		try {
			model.addAttribute("job", imports.start(file, mode, plan(scope, project), user));
		}
		catch (ExcelRejected ex) {
			model.addAttribute("rejection", ex);
		}
		return request.getHeader("HX-Request") != null ? "volunteering/import :: result" : "volunteering/import";
	}

	@GetMapping("/volunteering/projects/{id}/import/jobs/{job}")
	String job(@PathVariable long id, @PathVariable String job, RegionScope scope,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("project", projects.project(scope, id));
		model.addAttribute("job", imports.job(job, user));
		return "volunteering/import :: job-only";
	}

	/** The API's import: the job with its row/column errors; a refused file answers 400 naming {@code file}. */
	@PostMapping("/api/projects/{id}/hours/import")
	@ResponseBody
	ResponseEntity<ImportHandling.Summary> importFromApi(@PathVariable long id,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String mode,
			RegionScope scope, @AuthenticationPrincipal CurrentUser user) {
		return imports.startFromApi(file, mode, plan(scope, projects.project(scope, id)), user);
	}

	@GetMapping("/api/projects/{id}/hours/import/{job}")
	@ResponseBody
	ImportHandling.Summary importJob(@PathVariable long id, @PathVariable String job, RegionScope scope,
			@AuthenticationPrincipal CurrentUser user) {
		projects.project(scope, id);
		return imports.summary(job, user);
	}

}
