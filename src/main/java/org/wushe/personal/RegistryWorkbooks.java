package org.wushe.personal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.wushe.access.CurrentUser;

/**
 * The workbook endpoints of every registry: a module's controller maps the paths of its registries (see
 * {@link RegistryWorkbook}) and calls these; the registry is the first segment of the matched path after
 * {@code /api}.
 */
@Component
public class RegistryWorkbooks {

	private final Map<String, RegistryWorkbook> byPath;

	private final ImportHandling imports;

	RegistryWorkbooks(List<RegistryWorkbook> workbooks, ImportHandling imports) {
		this.byPath = workbooks.stream().collect(Collectors.toMap(RegistryWorkbook::path, Function.identity()));
		this.imports = imports;
	}

	/** The registry whose path the request matched. */
	RegistryWorkbook of(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String path = String.valueOf(pattern != null ? pattern : request.getServletPath());
		if (path.startsWith("/api/")) {
			path = path.substring(4);
		}
		int end = path.indexOf('/', 1);
		RegistryWorkbook workbook = byPath.get(end < 0 ? path.substring(1) : path.substring(1, end));
		if (workbook == null) {
			throw new IllegalStateException("no registry workbook for " + pattern);
		}
		return workbook;
	}

	/** The list as a workbook, with the list page's filters ({@code full=true}: personal data in full). */
	public void export(Map<String, String> filters, CurrentUser user, HttpServletRequest request,
			HttpServletResponse response) {
		of(request).export(user, filters, "true".equals(filters.get("full")), response);
	}

	/** The upload page. */
	public String page(Model model, HttpServletRequest request) {
		return imports.page(of(request).importPage(), model);
	}

	/** The import template. */
	public void template(HttpServletRequest request, HttpServletResponse response) throws IOException {
		RegistryWorkbook workbook = of(request);
		imports.template(workbook.layout(), workbook.templateFileKey(), response);
	}

	/** An upload from the page: the job fragment, or the refusal in place. */
	public String upload(MultipartFile file, String mode, CurrentUser user, Model model, HttpServletRequest request) {
		RegistryWorkbook workbook = of(request);
		return imports.startFromPage(file, mode, workbook.plan(user), user, workbook.importPage(), model, request);
	}

	/** A page's poll of the user's job. */
	public String job(String job, CurrentUser user, Model model, HttpServletRequest request) {
		return imports.jobFragment(job, user, of(request).importPage(), model, request);
	}

	/** An upload from the API: 200 with the finished job, or 202 with a job to poll. */
	public ResponseEntity<ImportHandling.Summary> apiUpload(MultipartFile file, String mode, CurrentUser user,
			HttpServletRequest request) {
		return imports.startFromApi(file, mode, of(request).plan(user), user);
	}

	/** The user's job as the API answers it. */
	public ImportHandling.Summary apiJob(String job, CurrentUser user) {
		return imports.summary(job, user);
	}

}
