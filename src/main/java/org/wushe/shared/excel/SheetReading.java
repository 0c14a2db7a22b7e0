package org.wushe.shared.excel;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams the data sheet of a checked upload: finds the header row, maps it to the layout, and turns cells into
 * {@link CellValue}s. Any failure of the underlying reader becomes an {@link ExcelRejected} (corrupt file).
 */
final class SheetReading implements AutoCloseable {

	private static final ReadingOptions OPTIONS = new ReadingOptions(false, false);

	private final ReadableWorkbook workbook;

	private final Stream<Row> stream;

	private final Iterator<Row> rows;

	private final boolean date1904;

	private final ExcelLayout layout;

	private final Labels labels;

	/** For each layout column, its index in the file. */
	private int[] fileColumns;

	/** For each layout column, its letter in the file. */
	private String[] letters;

	private int headerRow;

	SheetReading(ExcelUpload upload, ExcelLayout layout, Labels labels) {
		this.layout = layout;
		this.labels = labels;
		ReadableWorkbook wb = null;
		Stream<Row> s = null;
		try {
			wb = new ReadableWorkbook(upload.file().toFile(), OPTIONS);
			Sheet sheet = wb.getSheet(upload.sheetIndex()).orElseThrow(() -> new ExcelRejected("excel.file.corrupt"));
			s = sheet.openStream();
			this.workbook = wb;
			this.stream = s;
			this.rows = s.iterator();
			this.date1904 = wb.isDate1904();
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(s, wb);
			if (ex instanceof ExcelRejected rejected) {
				throw rejected;
			}
			throw new ExcelRejected("excel.file.corrupt");
		}
	}

	/**
	 * Reads the header (the first non-blank row) and checks it against the layout: every column present once, nothing
	 * else. Columns may come in any order.
	 */
	void readHeader(String sheetName) {
		Row header = null;
		while (header == null && hasNext()) {
			Row r = next();
			if (!isBlank(r)) {
				header = r;
			}
		}
		if (header == null) {
			throw new ExcelRejected("excel.file.no-header", sheetName);
		}
		headerRow = header.getRowNum();
		Map<String, Integer> wanted = new HashMap<>();
		for (int i = 0; i < layout.columns().size(); i++) {
			for (String variant : labels.variants(layout.columns().get(i).headerKey())) {
				wanted.put(CellParsers.normalizeLabel(variant), i);
			}
		}
		fileColumns = new int[layout.columns().size()];
		java.util.Arrays.fill(fileColumns, -1);
		List<String> unexpected = new ArrayList<>();
		List<String> duplicate = new ArrayList<>();
		for (int c = 0; c < header.getCellCount(); c++) {
			String text = value(header, c).text();
			if (text.isEmpty()) {
				continue;
			}
			Integer i = wanted.get(CellParsers.normalizeLabel(text));
			if (i == null) {
				unexpected.add(labels.text("excel.file.header-unexpected", text, ExcelLayout.letter(c)));
			}
			else if (fileColumns[i] >= 0) {
				duplicate.add(labels.text("excel.file.header-duplicate", text, ExcelLayout.letter(c)));
			}
			else {
				fileColumns[i] = c;
			}
		}
		List<String> problems = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < fileColumns.length; i++) {
			if (fileColumns[i] < 0) {
				missing.add(labels.text("excel.file.quoted", labels.text(layout.columns().get(i).headerKey())));
			}
		}
		if (!missing.isEmpty()) {
			problems.add(labels.text("excel.file.header-missing",
					String.join(labels.text("excel.list-separator"), missing)));
		}
		problems.addAll(unexpected);
		problems.addAll(duplicate);
		if (!problems.isEmpty()) {
			throw new ExcelRejected("excel.file.header-mismatch", headerRow,
					String.join(labels.text("excel.problem-separator"), problems));
		}
		letters = new String[fileColumns.length];
		for (int i = 0; i < fileColumns.length; i++) {
			letters[i] = ExcelLayout.letter(fileColumns[i]);
		}
	}

	boolean hasNext() {
		try {
			return rows.hasNext();
		}
		catch (RuntimeException ex) {
			throw new ExcelRejected("excel.file.corrupt");
		}
	}

	Row next() {
		try {
			return rows.next();
		}
		catch (RuntimeException ex) {
			throw new ExcelRejected("excel.file.corrupt");
		}
	}

	/** Parses the layout's cells of {@code r}; problems are recorded on the row. */
	ImportRow parse(Row r) {
		ImportRow row = new ImportRow(r.getRowNum(), layout, letters, labels);
		List<ExcelColumn<?>> columns = layout.columns();
		for (int i = 0; i < columns.size(); i++) {
			ExcelColumn<?> column = columns.get(i);
			CellValue cell = value(r, fileColumns[i]);
			if (cell.isBlank()) {
				if (column.isRequired()) {
					row.cellError(i, new CellProblem("excel.cell.required"));
				}
				continue;
			}
			try {
				row.set(i, column.parser().parse(cell, labels));
			}
			catch (CellProblem problem) {
				row.cellError(i, problem);
			}
		}
		return row;
	}

	boolean isBlank(Row r) {
		for (int c = 0; c < r.getCellCount(); c++) {
			if (!value(r, c).isBlank()) {
				return false;
			}
		}
		return true;
	}

	CellValue value(Row r, int index) {
		if (index < 0 || index >= r.getCellCount()) {
			return CellValue.ofText("");
		}
		Cell cell = r.getCell(index);
		if (cell == null) {
			return CellValue.ofText("");
		}
		return switch (cell.getType()) {
			case EMPTY -> CellValue.ofText("");
			case NUMBER -> {
				BigDecimal n = (BigDecimal) cell.getValue();
				yield new CellValue(CellValue.plain(n), n, null, date1904);
			}
			case STRING -> CellValue.ofText(String.valueOf(cell.getValue()));
			case BOOLEAN -> CellValue.ofText(String.valueOf(cell.getValue()));
			case ERROR -> new CellValue(String.valueOf(cell.getRawValue()), null, String.valueOf(cell.getRawValue()),
					date1904);
			case FORMULA -> formula(cell);
		};
	}

	private CellValue formula(Cell cell) {
		String raw = cell.getRawValue();
		if (raw == null) {
			return CellValue.ofText("");
		}
		try {
			BigDecimal n = new BigDecimal(raw.strip());
			return new CellValue(CellValue.plain(n), n, null, date1904);
		}
		catch (NumberFormatException ex) {
			return CellValue.ofText(raw);
		}
	}

	int headerRow() {
		return headerRow;
	}

	@Override
	public void close() {
		closeQuietly(stream, workbook);
	}

	private static void closeQuietly(Stream<Row> stream, ReadableWorkbook workbook) {
		if (stream != null) {
			stream.close();
		}
		if (workbook != null) {
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// the temporary file is deleted anyway
			}
		}
	}

}
