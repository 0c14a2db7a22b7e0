package org.wushe.charity.support;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.personal.ExportHandling;
import org.wushe.personal.PersonalData;
import org.wushe.region.ListQuery;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelReport;

/**
 * Charity lists as workbooks: the rows matching the filters in the user's scope narrowed to {@code within}, the file
 * and its title named after that region, the export audited.
 */
@Component
public record CharityExports(CharityRegions regions, ExportHandling exports) {

	/**
	 * Sends the workbook of {@code entity}; {@code kind} is {@code null} for lists without a kind filter. With
	 * {@code full} the report gets an opener for full personal data (audited), otherwise {@code null}.
	 */
	public <T> void download(CurrentUser user, String within, String q, String kind, boolean full, String entity,
			BiFunction<String, PersonalData.Opener, ExcelReport<T>> report, Function<ListQuery, Stream<T>> rows,
			String fileNameKey, HttpServletResponse response) {
		RegionScope scope = regions.narrow(user.scope(), within);
		String name = regions.name(scope.root());
		ListQuery filter = new ListQuery(scope, q, kind, "", 0, ListQuery.MAX_SIZE);
		String filters = kind == null ? "q=" + q : "q=" + q + ";kind=" + kind;
		exports.download(user, full, entity, scope, filters, opener -> report.apply(name, opener),
				() -> rows.apply(filter), response, fileNameKey, name);
	}

}
