package org.wushe.shared.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Streaming {@code .xlsx} exports: a title row, a header row (optionally with merged group headers above), typed
 * cells (numbers as numbers, money with two decimals, dates as dates), column widths, frozen headers. Rows are
 * flushed to the output as they are written, so memory stays flat whatever the length of the list.
 */
@Service
@RequiredArgsConstructor
public class ExcelExports {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final int FLUSH_EVERY = 1_000;

	private final MessageSource messages;

	/**
	 * Writes {@code rows} straight to the response as a download named after {@code fileNameKey} (with
	 * {@code fileNameArgs}; {@code .xlsx} is appended). The stream is closed when done.
	 */
	public <T> long download(ExcelReport<T> report, Stream<T> rows, HttpServletResponse response, String fileNameKey,
			Object... fileNameArgs) throws IOException {
		Labels labels = new BundleLabels(messages, LocaleContextHolder.getLocale());
		ExcelImports.prepareDownload(response, labels.text(fileNameKey, fileNameArgs) + ".xlsx");
		long n = write(report, rows, response.getOutputStream());
		response.flushBuffer();
		return n;
	}

	/** Writes the report to {@code out} (not closed) and closes {@code rows}; answers the number of data rows. */
	public <T> long write(ExcelReport<T> report, Stream<T> rows, OutputStream out) throws IOException {
		try (Stream<T> s = rows) {
			return write(report, s.iterator(), out);
		}
	}

	public <T> long write(ExcelReport<T> report, Iterable<T> rows, OutputStream out) throws IOException {
		return write(report, rows.iterator(), out);
	}

	private <T> long write(ExcelReport<T> report, Iterator<T> rows, OutputStream out) throws IOException {
		Labels labels = new BundleLabels(messages, LocaleContextHolder.getLocale());
		List<ExportColumn<T>> columns = report.columns();
		int last = columns.size() - 1;
		Workbook wb = new Workbook(out, "Wushe", "1.0");
		Worksheet ws = wb.newWorksheet(TemplateWriter.sheetName(labels.text(report.sheetNameKey())));
		for (int c = 0; c <= last; c++) {
			ws.width(c, columns.get(c).width());
		}
		ws.value(0, 0, labels.text(report.titleKey(), report.titleArgs().toArray()));
		ws.range(0, 0, 0, last).merge();
		ws.style(0, 0).bold().fontSize(14).horizontalAlignment("center").set();
		ws.rowHeight(0, 24);
		int header = 1;
		if (report.hasGroups()) {
			int c = 0;
			while (c <= last) {
				String group = columns.get(c).groupKey();
				int end = c;
				while (group != null && end < last && group.equals(columns.get(end + 1).groupKey())) {
					end++;
				}
				if (group == null) {
					ws.value(1, c, labels.text(columns.get(c).headerKey()));
					ws.range(1, c, 2, c).merge();
				}
				else {
					ws.value(1, c, labels.text(group));
					if (end > c) {
						ws.range(1, c, 1, end).merge();
					}
					for (int k = c; k <= end; k++) {
						ws.value(2, k, labels.text(columns.get(k).headerKey()));
					}
				}
				c = end + 1;
			}
			styleHeader(ws, 1, last);
			styleHeader(ws, 2, last);
			header = 2;
		}
		else {
			for (int c = 0; c <= last; c++) {
				ws.value(1, c, labels.text(columns.get(c).headerKey()));
			}
			styleHeader(ws, 1, last);
		}
		ws.freezePane(0, header + 1);
		int r = header + 1;
		long count = 0;
		while (rows.hasNext()) {
			T row = rows.next();
			for (int c = 0; c <= last; c++) {
				ExportColumn<T> column = columns.get(c);
				cell(ws, r, c, column.kind(), column.value().apply(row), labels);
			}
			r++;
			count++;
			if (count % FLUSH_EVERY == 0) {
				ws.flush();
			}
		}
		ws.finish();
		wb.finish();
		return count;
	}

	private static void styleHeader(Worksheet ws, int row, int last) {
		ws.range(row, 0, row, last)
			.style()
			.bold()
			.fillColor(TemplateWriter.HEADER_FILL)
			.borderStyle(BorderStyle.THIN)
			.horizontalAlignment("center")
			.verticalAlignment("center")
			.wrapText(true)
			.set();
	}

	private static void cell(Worksheet ws, int r, int c, ExportColumn.Kind kind, Object value, Labels labels) {
		if (value == null) {
			return;
		}
		switch (kind) {
			case TEXT -> ws.inlineString(r, c, value.toString());
			case LABEL -> ws.inlineString(r, c, labels.text(value.toString()));
			case INTEGER, DECIMAL -> ws.value(r, c, (Number) value);
			case MONEY -> {
				ws.value(r, c, value instanceof BigDecimal b ? b : new BigDecimal(value.toString()));
				ws.style(r, c).format("#,##0.00").set();
			}
			case PERCENT -> {
				ws.value(r, c, (Number) value);
				ws.style(r, c).format("0.0%").set();
			}
			case DATE -> {
				ws.value(r, c, (LocalDate) value);
				ws.style(r, c).format("yyyy-mm-dd").set();
			}
			case DATE_TIME -> {
				ws.value(r, c, localDateTime(value));
				ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
			}
			default -> throw new IllegalStateException(Objects.toString(kind));
		}
	}

	private static LocalDateTime localDateTime(Object value) {
		if (value instanceof Instant i) {
			return LocalDateTime.ofInstant(i, ZONE);
		}
		if (value instanceof OffsetDateTime o) {
			return o.atZoneSameInstant(ZONE).toLocalDateTime();
		}
		if (value instanceof ZonedDateTime z) {
			return z.withZoneSameInstant(ZONE).toLocalDateTime();
		}
		return (LocalDateTime) value;
	}

}
