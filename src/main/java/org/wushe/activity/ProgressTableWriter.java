package org.wushe.activity;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.wushe.campaign.ReportRow;

/**
 * Writes the progress table (附件1) in the notice's layout, streaming: the title over all columns, the lines
 * 填报单位, 填报人及手机号码 and 填报时间, the two header rows with 链接资源情况 merged over 链接资金（元） and
 * 链接物资折价（元）, the rows, then the 说明 line with the deadlines. Texts are the official Chinese ones, whatever the
 * user's language.
 * <p>
 * A combined table (an upper level's table of its units) has a 填报单位 column after 序号 naming each row's unit; its
 * 合计 line stands in that column.
 */
final class ProgressTableWriter implements AutoCloseable {

	static final int TITLE_ROW = 0;

	static final int UNIT_ROW = 1;

	static final int REPORTER_ROW = 2;

	static final int TIME_ROW = 3;

	static final int HEADER_ROW = 4;

	static final int SUBHEADER_ROW = 5;

	static final int FIRST_DATA_ROW = 6;

	static final int LAST_COLUMN = TableColumn.values().length - 1;

	private static final int FLUSH_EVERY = 2_000;

	private static final double[] WIDTHS = { 6, 24, 28, 10, 20, 18, 36, 22, 10, 14, 16, 14 };

	private static final double UNIT_WIDTH = 20;

	/** 1 when the table has the 填报单位 column after 序号, shifting the others right; 0 otherwise. */
	private final int shift;

	private final int lastColumn;

	private final Workbook workbook;

	private final Worksheet sheet;

	private final MessageSource messages;

	private int row = FIRST_DATA_ROW;

	private int seq;

	private final String note;

	/** Sums of the numeric columns, for the 合计 line. */
	private long participants;

	private long beneficiaries;

	private BigDecimal funds = BigDecimal.ZERO;

	private BigDecimal materials = BigDecimal.ZERO;

	/** Patterns used on every row, looked up once ({0}, {1}, {2} filled in by hand). */
	private final String datePattern;

	private final String monthDayPattern;

	private final String dayPattern;

	private final String separator;

	/** Heading data of one table. */
	record Heading(String title, String unit, String reporter, String time, String note, boolean unitColumn) {

		Heading(String title, String unit, String reporter, String time, String note) {
			this(title, unit, reporter, time, note, false);
		}

	}

	ProgressTableWriter(OutputStream out, MessageSource messages, Heading heading) {
		this.messages = messages;
		this.datePattern = text("activity.table.date");
		this.monthDayPattern = text("activity.table.month-day");
		this.dayPattern = text("activity.table.day");
		this.separator = text("activity.table.domain-separator");
		this.shift = heading.unitColumn() ? 1 : 0;
		this.lastColumn = LAST_COLUMN + shift;
		this.workbook = new Workbook(out, "Wushe", "1.0");
		this.sheet = workbook.newWorksheet(text("activity.table.sheet"));
		for (TableColumn c : TableColumn.values()) {
			sheet.width(col(c), WIDTHS[c.ordinal()]);
		}
		if (shift > 0) {
			sheet.width(1, UNIT_WIDTH);
			sheet.value(HEADER_ROW, 1, text("activity.table.unit"));
			sheet.range(HEADER_ROW, 1, SUBHEADER_ROW, 1).merge();
			header(HEADER_ROW, 1);
			header(SUBHEADER_ROW, 1);
		}
		line(TITLE_ROW, heading.title());
		sheet.style(TITLE_ROW, 0).bold().fontSize(16).horizontalAlignment("center").set();
		sheet.rowHeight(TITLE_ROW, 30);
		line(UNIT_ROW, text("activity.table.unit-line", heading.unit()));
		line(REPORTER_ROW, text("activity.table.reporter-line", heading.reporter()));
		line(TIME_ROW, text("activity.table.time-line", heading.time()));
		for (TableColumn c : TableColumn.values()) {
			int col = col(c);
			if (c == TableColumn.FUNDS || c == TableColumn.MATERIALS) {
				sheet.value(SUBHEADER_ROW, col, text(c.headerKey()));
				header(SUBHEADER_ROW, col);
			}
			else {
				sheet.value(HEADER_ROW, col, text(c.headerKey()));
				sheet.range(HEADER_ROW, col, SUBHEADER_ROW, col).merge();
				header(HEADER_ROW, col);
				header(SUBHEADER_ROW, col);
			}
		}
		int funds = col(TableColumn.FUNDS);
		sheet.value(HEADER_ROW, funds, text("activity.table.resources"));
		sheet.range(HEADER_ROW, funds, HEADER_ROW, col(TableColumn.MATERIALS)).merge();
		header(HEADER_ROW, funds);
		header(HEADER_ROW, col(TableColumn.MATERIALS));
		sheet.freezePane(0, FIRST_DATA_ROW);
		// twelve or thirteen columns: printed landscape, one page wide
		sheet.pageOrientation("landscape");
		sheet.paperSize(PaperSize.A4_PAPER);
		sheet.setFitToPage(true);
		sheet.fitToWidth((short) 1);
		sheet.fitToHeight((short) 0);
		this.note = heading.note();
	}

	/** The sheet column of a 附件1 column. */
	private int col(TableColumn c) {
		return c == TableColumn.SEQ ? 0 : c.ordinal() + shift;
	}

	private void line(int r, String value) {
		sheet.value(r, 0, value);
		sheet.range(r, 0, r, lastColumn).merge();
	}

	private void header(int r, int c) {
		sheet.style(r, c)
			.bold()
			.wrapText(true)
			.horizontalAlignment("center")
			.verticalAlignment("center")
			.borderStyle("thin")
			.fillColor("D9E1F2")
			.set();
	}

	/** Appends one row with the next 序号. */
	void row(ReportRow r) throws IOException {
		row(r, null);
	}

	/** Appends one row of {@code unit} (shown in the 填报单位 column of a combined table) with the next 序号. */
	void row(ReportRow r, String unit) throws IOException {
		seq++;
		if (shift > 0 && unit != null) {
			sheet.value(row, 1, unit);
		}
		sheet.value(row, col(TableColumn.SEQ), seq);
		sheet.value(row, col(TableColumn.NAME), r.name());
		text(TableColumn.UNITS, r.units());
		sheet.value(row, col(TableColumn.PARTICIPANTS), r.participants());
		sheet.value(row, col(TableColumn.DATES), dates(r.startDate(), r.endDate()));
		text(TableColumn.PLACE, r.place());
		text(TableColumn.CONTENT, r.content());
		sheet.value(row, col(TableColumn.DOMAINS), domains(r.domains()));
		sheet.value(row, col(TableColumn.BENEFICIARIES), r.beneficiaries());
		text(TableColumn.REMARKS, r.remarks());
		sheet.range(row, 0, row, lastColumn).style().borderStyle("thin").set();
		money(TableColumn.FUNDS, r.fundsYuan());
		money(TableColumn.MATERIALS, r.materialsYuan());
		participants += r.participants();
		beneficiaries += r.beneficiaries();
		funds = r.fundsYuan() == null ? funds : funds.add(r.fundsYuan());
		materials = r.materialsYuan() == null ? materials : materials.add(r.materialsYuan());
		row++;
		if (seq % FLUSH_EVERY == 0) {
			sheet.flush();
		}
	}

	int rows() {
		return seq;
	}

	private void text(TableColumn c, String value) {
		if (value != null && !value.isEmpty()) {
			sheet.value(row, col(c), value);
		}
	}

	private void money(TableColumn c, BigDecimal value) {
		sheet.value(row, col(c), value);
		sheet.style(row, col(c)).format("#,##0.00").borderStyle("thin").set();
	}

	/** {@code 2022年3月20日}, or a range {@code 2022年3月20日-22日} / {@code 2022年3月20日-4月2日}. */
	String dates(LocalDate start, LocalDate end) {
		String first = fill(datePattern, start.getYear(), start.getMonthValue(), start.getDayOfMonth());
		if (end == null || end.equals(start)) {
			return first;
		}
		String second;
		if (end.getYear() != start.getYear()) {
			second = fill(datePattern, end.getYear(), end.getMonthValue(), end.getDayOfMonth());
		}
		else if (end.getMonthValue() != start.getMonthValue()) {
			second = fill(monthDayPattern, end.getMonthValue(), end.getDayOfMonth());
		}
		else {
			second = fill(dayPattern, end.getDayOfMonth());
		}
		return first + "-" + second;
	}

	private static String fill(String pattern, int... numbers) {
		String s = pattern;
		for (int i = 0; i < numbers.length; i++) {
			s = s.replace("{" + i + "}", Integer.toString(numbers[i]));
		}
		return s;
	}

	private String domains(List<String> codes) {
		StringBuilder s = new StringBuilder();
		for (String code : codes) {
			if (!s.isEmpty()) {
				s.append(separator);
			}
			s.append(ServiceDomain.valueOf(code).officialName());
		}
		return s.toString();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	/** Writes the 说明 line after the rows and finishes the workbook. */
	@Override
	public void close() throws IOException {
		if (seq > 0) {
			int label = shift > 0 ? 1 : col(TableColumn.NAME);
			sheet.value(row, label, text("activity.table.total"));
			sheet.style(row, label).bold().set();
			sheet.value(row, col(TableColumn.PARTICIPANTS), participants);
			sheet.value(row, col(TableColumn.BENEFICIARIES), beneficiaries);
			sheet.range(row, 0, row, lastColumn).style().borderStyle("thin").bold().set();
			money(TableColumn.FUNDS, funds);
			money(TableColumn.MATERIALS, materials);
			row++;
		}
		line(row, note);
		sheet.style(row, 0).wrapText(true).set();
		sheet.rowHeight(row, 36);
		workbook.finish();
	}

}
