package org.wushe.volunteering.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.Texts;
import org.wushe.shared.excel.ExcelExports;
import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;
import org.wushe.volunteering.HoursService;
import org.wushe.volunteering.StatementPdf;
import org.wushe.volunteering.TimeBank;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Statements to download: a volunteer's hours in a period ({@code /api/volunteers/{id}/hours.xlsx} and
 * {@code .pdf}) and a time-bank account's postings ({@code /api/timebank/accounts/{id}/statement.xlsx} and
 * {@code .pdf}), written with the shared Excel writer and the certificates' PDF setup. Needs {@code volunteering:view};
 * volunteers and accounts outside the caller's scope answer 404.
 */
@RestController
@PreAuthorize("hasAuthority('volunteering:view')")
@Tag(name = "Volunteering", description = "Hours and time-bank statements as Excel and PDF")
@RequiredArgsConstructor
class StatementApi {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	static final ExcelReport<HoursService.Record> HOURS = new ExcelReport<>("volunteering.statement.hours-title",
			List.of(), "volunteering.statement.hours-sheet",
			List.of(ExportColumn.dateTime("field.start", HoursService.Record::start),
					ExportColumn.dateTime("field.end", HoursService.Record::end),
					ExportColumn.text("volunteering.statement.project", HoursService.Record::projectName),
					ExportColumn.text("volunteering.statement.content", HoursService.Record::content),
					ExportColumn.integer("field.minutes", HoursService.Record::minutes),
					ExportColumn.label("volunteering.statement.status", StatementApi::statusKey),
					ExportColumn.text("volunteering.statement.reason", HoursService.Record::reason)));

	static final ExcelReport<TimeBank.Posting> POSTINGS = new ExcelReport<>("volunteering.timebank.statement",
			List.of(), "volunteering.statement.postings-sheet",
			List.of(ExportColumn.dateTime("volunteering.timebank.posted-at", TimeBank.Posting::postedAt),
					ExportColumn.label("volunteering.timebank.kind", p -> p.kind().messageKey()),
					ExportColumn.integer("field.minutes", TimeBank.Posting::minutes),
					ExportColumn.integer("volunteering.timebank.balance", TimeBank.Posting::balanceAfter),
					ExportColumn.text("field.memo", TimeBank.Posting::memo)));

	private final HoursService hours;

	private final TimeBank bank;

	private final VolunteerDirectory volunteers;

	private final ExcelExports exports;

	private final StatementPdf pdf;

	private final Texts texts;

	static String statusKey(HoursService.Record r) {
		return "volunteering.hours.status." + r.status().name().toLowerCase(Locale.ROOT);
	}

	/** A volunteer's records in the period, the volunteer checked in scope first (404 outside it). */
	private HoursService.Statement statement(RegionScope scope, long id, String from, String to) {
		FieldChecks c = new FieldChecks();
		LocalDate f = c.date("from", from, null, false);
		LocalDate t = c.date("to", to, null, false);
		c.throwIfAny();
		return hours.ofVolunteer(scope, id, f == null ? LocalDate.of(2000, 1, 1) : f,
				t == null ? LocalDate.of(2999, 12, 31) : t);
	}

	private String volunteerName(RegionScope scope, long id) {
		return volunteers.find(scope, id)
			.map(VolunteerDirectory.Entry::name)
			.orElseThrow(() -> BusinessException.notFound("volunteering.input.unknown-volunteer", id));
	}

	@GetMapping("/api/volunteers/{id}/hours.xlsx")
	void hoursExcel(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, RegionScope scope, HttpServletResponse response)
			throws IOException {
		HoursService.Statement s = statement(scope, id, from, to);
		exports.download(HOURS, s.records().stream(), response, "volunteering.statement.hours-file",
				volunteerName(scope, id));
	}

	@GetMapping("/api/volunteers/{id}/hours.pdf")
	ResponseEntity<byte[]> hoursPdf(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, RegionScope scope) {
		HoursService.Statement s = statement(scope, id, from, to);
		String name = volunteerName(scope, id);
		List<List<String>> rows = s.records().stream()
			.map(r -> List.of(r.start().format(MINUTE), r.end().format(MINUTE), r.projectName(), r.content(),
					Integer.toString(r.minutes()), texts.get(statusKey(r)), r.reason() == null ? "" : r.reason()))
			.toList();
		byte[] body = pdf.render(new StatementPdf.Table(texts.get("volunteering.statement.hours-pdf-title"),
				List.of(texts.get("volunteering.statement.hours-head", name, s.totalMinutes(),
						hoursText(s.totalMinutes()))),
				List.of(texts.get("field.start"), texts.get("field.end"), texts.get("volunteering.statement.project"),
						texts.get("volunteering.statement.content"), texts.get("field.minutes"),
						texts.get("volunteering.statement.status"), texts.get("volunteering.statement.reason")),
				new float[] { 0.16f, 0.16f, 0.18f, 0.2f, 0.08f, 0.09f, 0.13f }, rows));
		return pdf(body, texts.get("volunteering.statement.hours-file", name));
	}

	@GetMapping("/api/timebank/accounts/{id}/statement.xlsx")
	void accountExcel(@PathVariable long id, RegionScope scope, HttpServletResponse response) throws IOException {
		List<TimeBank.Posting> postings = bank.statement(scope, id);
		exports.download(POSTINGS, postings.stream(), response, "volunteering.statement.account-file", id);
	}

	@GetMapping("/api/timebank/accounts/{id}/statement.pdf")
	ResponseEntity<byte[]> accountPdf(@PathVariable long id, RegionScope scope) {
		TimeBank.Account a = bank.account(scope, id);
		List<List<String>> rows = bank.statement(scope, id).stream()
			.map(p -> List.of(p.postedAt().atZone(ZONE).format(MINUTE), texts.get(p.kind().messageKey()),
					Long.toString(p.minutes()), Long.toString(p.balanceAfter()), p.memo() == null ? "" : p.memo()))
			.toList();
		byte[] body = pdf.render(new StatementPdf.Table(texts.get("volunteering.timebank.statement"),
				List.of(texts.get("volunteering.timebank.statement-head", a.id(), texts.get(a.kind().messageKey()),
						a.balanceMinutes())),
				List.of(texts.get("volunteering.timebank.posted-at"), texts.get("volunteering.timebank.kind"),
						texts.get("field.minutes"), texts.get("volunteering.timebank.balance"), texts.get("field.memo")),
				new float[] { 0.22f, 0.14f, 0.14f, 0.14f, 0.36f }, rows));
		return pdf(body, texts.get("volunteering.statement.account-file", id));
	}

	private static String hoursText(long minutes) {
		return java.math.BigDecimal.valueOf(minutes)
			.divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
			.toPlainString();
	}

	private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

}
