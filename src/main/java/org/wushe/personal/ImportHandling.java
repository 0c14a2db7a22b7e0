package org.wushe.personal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.shared.BusinessException;
import org.wushe.shared.Texts;
import org.wushe.shared.excel.ExcelImports;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ImportError;
import org.wushe.shared.excel.ImportJob;
import org.wushe.shared.excel.ImportMode;
import org.wushe.shared.excel.ImportPlan;

/**
 * The import endpoints every registry shares, so that a module's controller only maps its paths: the upload page
 * ({@code fragments/import-page}) and template, start an import for the current user (page or API), find their job
 * again, and show a refused file in place (a page, or the htmx fragment of the upload form). Registries described by
 * a {@link RegistryWorkbook} get all of it through {@link RegistryWorkbooks}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ImportHandling {

	static final String PAGE = "fragments/import-page";

	/** An import job as the API answers it. */
	public record Summary(String id, String state, String fileName, long rowsRead, long totalRows, int percent,
			long stored, long errorRows, long errorCount, List<ImportError> errors, String problem,
			java.time.Instant createdAt, java.time.Instant finishedAt) {

		public static Summary of(ImportJob job) {
			return new Summary(job.id(), job.state().name(), job.fileName(), job.rowsRead(), job.totalRows(),
					job.percent(), job.stored(), job.errorRows(), job.errorCount(), job.errors(), job.problem(),
					job.createdAt(), job.finishedAt());
		}

	}

	private final ExcelImports imports;

	private final Texts texts;

	/** The constants of one registry's import page: its list path and the keys of title and help text. */
	public record ImportPage(String base, String titleKey, String helpKey) {

		void addTo(Model model) {
			model.addAttribute("titleKey", titleKey);
			model.addAttribute("helpKey", helpKey);
			model.addAttribute("base", base);
		}

	}

	public ExcelImports imports() {
		return imports;
	}

	/** The upload page of a registry. */
	public String page(ImportPage page, Model model) {
		page.addTo(model);
		return PAGE;
	}

	/** Streams the registry's template with headers and 填写说明. */
	public void template(ExcelLayout layout, String fileNameKey, HttpServletResponse response) throws IOException {
		imports.downloadTemplate(layout, fileNameKey, response);
	}

	/** What a page poll of the user's job answers: the job fragment, polling on until finished. */
	public String jobFragment(String id, CurrentUser user, ImportPage page, Model model, HttpServletRequest request) {
		ImportJob found = job(id, user);
		model.addAttribute("job", found);
		model.addAttribute("poll", request.getContextPath() + page.base() + "/import/" + found.id());
		return PAGE + " :: job-result";
	}

	/** Starts an import from the API: 200 with the finished job for small files, 202 with a job to poll else. */
	public <T> ResponseEntity<Summary> startFromApi(MultipartFile file, String mode, ImportPlan<T> plan,
			CurrentUser user) {
		ImportJob job = start(file, mode, plan, user);
		return ResponseEntity.status(job.isFinished() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(Summary.of(job));
	}

	/** The user's job as the API answers it, or 404. */
	public Summary summary(String id, CurrentUser user) {
		return Summary.of(job(id, user));
	}

	public <T> ImportJob start(MultipartFile file, String mode, ImportPlan<T> plan, CurrentUser user) {
		return imports.start(file, plan, ImportMode.parse(mode), user.getUsername());
	}

	/** The user's own job, or 404. */
	public ImportJob job(String id, CurrentUser user) {
		return imports.job(id, user.getUsername())
			.orElseThrow(() -> BusinessException.notFound("actor.excel.job-unknown", id));
	}

	/**
	 * Starts an import from a page: answers the job fragment (polled until finished), or, for a refused file, the
	 * error message in place of it.
	 */
	public <T> String startFromPage(MultipartFile file, String mode, ImportPlan<T> plan, CurrentUser user,
			ImportPage page, Model model, HttpServletRequest request) {
		page.addTo(model);
		String base = page.base();
		boolean htmx = request.getHeader("HX-Request") != null;
		try {
			ImportJob job = start(file, mode, plan, user);
			model.addAttribute("job", job);
			model.addAttribute("poll", request.getContextPath() + base + "/import/" + job.id());
			return htmx ? PAGE + " :: job-result" : PAGE;
		}
		catch (BusinessException ex) {
			model.addAttribute("detail", texts.get(ex.messageKey(), ex.args()));
			return htmx ? PAGE + " :: refused" : PAGE;
		}
	}

}
