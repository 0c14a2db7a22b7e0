package org.wushe.volunteering;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.excel.ExcelImports;
import org.wushe.shared.excel.ExcelRejected;
import org.wushe.shared.excel.ImportJob;
import org.wushe.shared.excel.ImportMode;

/**
 * A project's hours imported from Excel through the shared import path: the template, the upload (all rows or none
 * by default, or only the valid ones), and the job's progress and row/column errors. Projects outside the user's
 * scope answer 404.
 */
@Controller
@PreAuthorize("hasAuthority('volunteering:manage')")
class HoursImportController {

	private final ExcelImports imports;

	private final ProjectService projects;

	private final HoursService hours;

	private final AttendanceSheet sheet;

	private final HoursRecords records;

	private final VolunteerDirectory volunteers;

	HoursImportController(ExcelImports imports, ProjectService projects, HoursService hours, AttendanceSheet sheet,
			HoursRecords records, VolunteerDirectory volunteers) {
		this.imports = imports;
		this.projects = projects;
		this.hours = hours;
		this.sheet = sheet;
		this.records = records;
		this.volunteers = volunteers;
	}

	@GetMapping("/volunteering/projects/{id}/import")
	String page(@PathVariable long id, RegionScope scope, Model model) {
		model.addAttribute("project", projects.project(scope, id));
		return "volunteering/import";
	}

	@GetMapping("/volunteering/projects/{id}/import/template")
	void template(@PathVariable long id, RegionScope scope, HttpServletResponse response) throws IOException {
		projects.project(scope, id);
		imports.downloadTemplate(HoursImport.LAYOUT, "volunteering.import.file-name", response);
	}

	@PostMapping("/volunteering/projects/{id}/import")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String mode, RegionScope scope, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, Model model) {
		ProjectService.Project project = projects.project(scope, id);
		model.addAttribute("project", project);
		try {
			ImportJob job = imports.start(file,
					new HoursImport(hours, sheet, records, volunteers, scope, project), ImportMode.parse(mode),
					user.getUsername());
			model.addAttribute("job", job);
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
		model.addAttribute("job", imports.job(job, user.getUsername())
			.orElseThrow(() -> BusinessException.notFound("volunteering.import.unknown-job")));
		return "volunteering/import :: job-only";
	}

}
