package org.wushe.personal;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.wushe.access.CurrentUser;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ImportPlan;

/**
 * One registry's workbook, as {@link RegistryWorkbooks} serves it: the list export, the import template, and the
 * import with its page. A registry declares one such bean; its module's controller maps the paths
 * ({@code /<path>/export}, {@code /<path>/import}, {@code /<path>/import/template}, {@code /<path>/import/{job}},
 * {@code /api/<path>/import}, {@code /api/<path>/import/{job}}) and hands them on.
 */
public interface RegistryWorkbook {

	/** The list path, without slashes: pages under {@code /<path>}, the API under {@code /api/<path>}. */
	String path();

	/** The import page: the list path and the message keys of its title and help text. */
	ImportHandling.ImportPage importPage();

	/** The template's headers, notes and 填写说明. */
	ExcelLayout layout();

	/** The message key of the template's file name. */
	String templateFileKey();

	/** How an upload of this user is checked and stored. */
	ImportPlan<?> plan(CurrentUser user);

	/**
	 * Streams the list as a workbook. {@code filters} are the list page's query parameters; {@code full} asks for
	 * the personal data in full (refused and audited as {@link ExportHandling} does).
	 */
	void export(CurrentUser user, Map<String, String> filters, boolean full, HttpServletResponse response);

}
