package org.wushe.actor.registry;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.access.CurrentUser;
import org.wushe.shared.BusinessException;
import org.wushe.shared.Texts;
import org.wushe.shared.excel.ExcelImports;
import org.wushe.shared.excel.ImportError;
import org.wushe.shared.excel.ImportJob;
import org.wushe.shared.excel.ImportMode;
import org.wushe.shared.excel.ImportPlan;

/**
 * The import endpoints every registry shares: start an import for the current user, find their job again, and show
 * a refused file in place (a page, or the htmx fragment of the upload form).
 */
@Component
public class ImportHandling {

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

	ImportHandling(ExcelImports imports, Texts texts) {
		this.imports = imports;
		this.texts = texts;
	}

	public ExcelImports imports() {
		return imports;
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
			String base, Model model, HttpServletRequest request) {
		boolean htmx = request.getHeader("HX-Request") != null;
		try {
			ImportJob job = start(file, mode, plan, user);
			model.addAttribute("job", job);
			model.addAttribute("poll", request.getContextPath() + base + "/import/" + job.id());
			return htmx ? "actor/import :: job-result" : "actor/import";
		}
		catch (BusinessException ex) {
			model.addAttribute("detail", texts.get(ex.messageKey(), ex.args()));
			return htmx ? "actor/import :: refused" : "actor/import";
		}
	}

}
