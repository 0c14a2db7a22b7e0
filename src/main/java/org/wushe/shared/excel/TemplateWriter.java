package org.wushe.shared.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an import template: the data sheet with the header row (required columns marked with *), drop-down lists for
 * choices, text format for code columns; and the 填写说明 sheet with the general rules, the module's own notes and one
 * line per column (letter, header, required, format, example).
 */
@RequiredArgsConstructor
final class TemplateWriter {

	static final String HEADER_FILL = "DDEBF7";

	static final int VALIDATED_ROWS = 5_000;

	private final Labels labels;

	private final ExcelProperties limits;

	void write(ExcelLayout layout, OutputStream out) throws IOException {
		Workbook wb = new Workbook(out, "Wushe", "1.0");
		Worksheet data = wb.newWorksheet(sheetName(labels.text(layout.sheetNameKey())));
		List<ExcelColumn<?>> columns = layout.columns();
		for (int c = 0; c < columns.size(); c++) {
			ExcelColumn<?> column = columns.get(c);
			data.width(c, column.width());
			data.value(0, c, header(column));
			data.style(0, c).bold().fillColor(HEADER_FILL).borderStyle(BorderStyle.THIN).wrapText(true).set();
			if (column.isRequired()) {
				data.style(0, c).bold().fontColor("C00000").fillColor(HEADER_FILL).borderStyle(BorderStyle.THIN).set();
			}
			if (column.parser().keepsText()) {
				data.style(c).format("@").set();
			}
			List<String> choices = column.parser().choices(labels);
			String list = String.join(",", choices.stream().map(TemplateWriter::xml).toList());
			if (!choices.isEmpty() && list.length() <= 250) {
				data.range(1, c, VALIDATED_ROWS, c)
					.validateWithListByFormula("\"" + list + "\"")
					.errorTitle(xml(labels.text("excel.template.choice-title")))
					.error(xml(labels.text("excel.template.choice-error")));
			}
		}
		data.freezePane(0, 1);
		data.finish();

		Worksheet help = wb.newWorksheet(sheetName(labels.text("excel.template.instructions")));
		help.width(0, 8);
		help.width(1, 22);
		help.width(2, 10);
		help.width(3, 60);
		help.width(4, 28);
		int r = 0;
		help.value(r, 0, labels.text("excel.template.instructions"));
		help.style(r, 0).bold().fontSize(14).set();
		r += 2;
		List<String> lines = new ArrayList<>();
		lines.add(labels.text("excel.template.general.header", labels.text(layout.sheetNameKey())));
		lines.add(labels.text("excel.template.general.required"));
		lines.add(labels.text("excel.template.general.file", limits.maxFileSize().toMegabytes(), limits.maxRows()));
		lines.add(labels.text("excel.template.general.modes"));
		lines.add(labels.text("excel.template.general.blank"));
		layout.instructionKeys().forEach(k -> lines.add(labels.text(k)));
		for (int i = 0; i < lines.size(); i++) {
			help.value(r, 0, (i + 1) + ".");
			help.value(r, 1, lines.get(i));
			help.range(r, 1, r, 4).merge();
			r++;
		}
		r++;
		String[] heads = { "excel.template.column", "excel.template.header", "excel.template.required",
				"excel.template.format", "excel.template.example" };
		for (int c = 0; c < heads.length; c++) {
			help.value(r, c, labels.text(heads[c]));
			help.style(r, c).bold().fillColor(HEADER_FILL).borderStyle(BorderStyle.THIN).set();
		}
		r++;
		for (int c = 0; c < columns.size(); c++) {
			ExcelColumn<?> column = columns.get(c);
			String format = column.parser().hint(labels);
			if (column.noteKey() != null) {
				format = format == null ? labels.text(column.noteKey())
						: format + labels.text("excel.problem-separator") + labels.text(column.noteKey());
			}
			help.value(r, 0, ExcelLayout.letter(c));
			help.value(r, 1, labels.text(column.headerKey()));
			help.value(r, 2, labels.text(column.isRequired() ? "excel.yes" : "excel.no"));
			help.value(r, 3, format == null ? "" : format);
			help.value(r, 4, column.exampleKey() == null ? "" : labels.text(column.exampleKey()));
			for (int k = 0; k < heads.length; k++) {
				help.style(r, k).borderStyle(BorderStyle.THIN).wrapText(true).verticalAlignment("top").set();
			}
			r++;
		}
		help.finish();
		wb.finish();
	}

	private String header(ExcelColumn<?> column) {
		String label = labels.text(column.headerKey());
		return column.isRequired() ? label + "*" : label;
	}

	private static String xml(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace(",", " ");
	}

	/** Sheet names: at most 31 characters, none of []:*?/\ . */
	static String sheetName(String s) {
		String clean = s.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
		return clean.length() > 31 ? clean.substring(0, 31) : clean.isEmpty() ? "Sheet1" : clean;
	}

}
