package org.wushe.actor.registry;

import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.wushe.access.CurrentUser;
import org.wushe.personal.ExportHandling;
import org.wushe.personal.ImportHandling;
import org.wushe.personal.PersonalData;
import org.wushe.personal.RegistryWorkbook;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ImportPlan;
import org.wushe.region.RegionInput;
import org.wushe.region.ListQuery;

/**
 * The workbook of an actor registry: what differs between registries is the layout, the import plan, the report
 * and the rows; the export takes the list page's filters ({@code within}, {@code q}, {@code kind} where the
 * registry has kinds, {@code status}), narrowed to the user's scope and named after the region.
 *
 * @param <T> an exported row
 */
public abstract class RegistryWorkbookBase<T> implements RegistryWorkbook {

	/** The constants of one registry's workbook. */
	public record Names(String path, String entity, boolean kinds, ExcelLayout layout) {

		String key(String what) {
			return "actor.excel." + what + "." + path;
		}

	}

	private final Names names;

	private final Tools tools;

	/** What the import checks, seals, stores and audits with. */
	protected final RegistrySupport support;

	/** The beans every registry workbook needs for its import and export. */
	@org.springframework.stereotype.Component
	public record Tools(RegionInput regions, ExportHandling exports, RegistrySupport support) {
	}

	protected RegistryWorkbookBase(Names names, Tools tools) {
		this.names = names;
		this.tools = tools;
		this.support = tools.support();
	}

	/** How an upload by a user of {@code scope} is checked and stored. */
	protected abstract ImportPlan<?> plan(RegionScope scope);

	/** The export's columns; {@code opener} is {@code null} for masked values. */
	protected abstract ExcelReport<T> report(String regionName, PersonalData.Opener opener);

	/** Every row matching the filters; close the stream, inside a transaction. */
	protected abstract Stream<T> rows(ListQuery query);

	@Override
	public String path() {
		return names.path();
	}

	@Override
	public ImportHandling.ImportPage importPage() {
		return new ImportHandling.ImportPage("/" + names.path(), names.key("import"), names.key("import") + "-help");
	}

	@Override
	public ExcelLayout layout() {
		return names.layout();
	}

	@Override
	public String templateFileKey() {
		return names.key("template");
	}

	@Override
	public ImportPlan<?> plan(CurrentUser user) {
		return plan(user.scope());
	}

	@Override
	public void export(CurrentUser user, Map<String, String> filters, boolean full, HttpServletResponse response) {
		RegionScope scope = tools.regions().narrow(user.scope(), filters.get("within"));
		String q = filters.getOrDefault("q", "");
		String kind = names.kinds() ? filters.getOrDefault("kind", "") : "";
		String status = filters.getOrDefault("status", "");
		ListQuery query = new ListQuery(scope, q, kind, status, 0, ListQuery.MAX_SIZE);
		String name = tools.regions().name(scope.root());
		String filterText = "q=" + q + (names.kinds() ? ";kind=" + kind : "") + ";status=" + status;
		tools.exports().download(user, full, names.entity(), scope, filterText, opener -> report(name, opener),
				() -> rows(query), response, names.key("file"), name);
	}

}
