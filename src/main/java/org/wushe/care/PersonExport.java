package org.wushe.care;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.access.CurrentUser;
import org.wushe.shared.excel.ExcelExports;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;

/**
 * The people served as a workbook, through the shared export path: ID number, phone and address masked as in lists,
 * health notes left out.
 */
@Controller
class PersonExport {

	static final int MAX_ROWS = 10_000;

	private final PersonService persons;

	private final ExcelExports exports;

	PersonExport(PersonService persons, ExcelExports exports) {
		this.persons = persons;
		this.exports = exports;
	}

	static final ExcelReport<Person> REPORT = new ExcelReport<>("care.export.title", List.of(), "care.export.sheet",
			List.of(ExportColumn.text("field.name", Person::name),
					ExportColumn.label("field.gender", p -> "actor.gender." + p.gender().toLowerCase(java.util.Locale.ROOT)),
					ExportColumn.date("field.birthDate", Person::birthDate),
					ExportColumn.text("field.idNumber", Person::idNumber),
					ExportColumn.text("field.phone", Person::phone),
					ExportColumn.text("field.address", Person::address),
					ExportColumn.text("field.categories", p -> String.join(" ", p.categories())),
					ExportColumn.label("field.riskLevel", p -> "care.risk." + p.riskLevel().toLowerCase(java.util.Locale.ROOT)),
					ExportColumn.text("field.regionCode", Person::regionCode),
					ExportColumn.text("care.export.region-name", Person::regionName),
					ExportColumn.date("care.person.next-due", Person::nextDue)));

	@GetMapping("/care/persons/export")
	@PreAuthorize("hasAuthority('care:view')")
	void export(@RequestParam(required = false) String region, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String category, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) throws IOException {
		List<Person> rows = new java.util.ArrayList<>();
		for (int offset = 0; offset < MAX_ROWS; offset += 500) {
			List<Person> page = persons.list(PersonApi.narrow(user.scope(), region), q, category, offset, 500);
			rows.addAll(page);
			if (page.size() < 500) {
				break;
			}
		}
		exports.download(REPORT, rows.stream(), response, "care.export.file");
	}

}
