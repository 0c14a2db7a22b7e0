package org.wushe.activity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.springframework.core.io.ClassPathResource;
import org.wushe.region.RegionCode;
import org.wushe.shared.DateText;

/**
 * Reads a progress table (附件1) as people really fill it in, streaming row by row: finds the header wherever it is in
 * the first rows (titles and 填报 lines above it), maps columns by their header text, skips blank rows, rows numbered
 * but empty, totals and notes, and reads every cell with the messy-value readers ({@link Headcount}, {@link Yuan},
 * {@link ChineseDate}, {@link ServiceDomain}). Each row is either handed on as values or rejected with a problem per
 * unreadable cell, naming its row and column.
 */
final class ProgressTableReader {

	/** How far down the header may be. */
	static final int HEADER_SEARCH_ROWS = 30;

	private static final List<String> SKIP_WORDS = loadSkipWords();

	/** One unreadable cell (or row): the Excel row number (1-based), column letter and header, and why. */
	record Problem(int row, String column, TableColumn header, String messageKey, Object[] args) {
	}

	/** Receives what the reader makes of each row. */
	interface Sink {

		void accept(int row, ActivityValues values);

		void reject(int row, List<Problem> problems);

	}

	/** The workbook does not have the 附件1 layout (or is no workbook at all). */
	static final class WrongLayout extends Unreadable {

		private final transient List<TableColumn> missing;

		WrongLayout(String messageKey, Object... args) {
			super(messageKey, args);
			this.missing = List.of();
		}

		WrongLayout(List<TableColumn> missing) {
			super("activity.import.missing-columns");
			this.missing = List.copyOf(missing);
		}

		/** The required columns the header lacks (for {@code activity.import.missing-columns}). */
		List<TableColumn> missing() {
			return missing;
		}

	}

	private final RegionCode region;

	private final int defaultYear;

	private final int maxRows;

	private final Map<TableColumn, Integer> columns = new EnumMap<>(TableColumn.class);

	ProgressTableReader(RegionCode region, int defaultYear, int maxRows) {
		this.region = region;
		this.defaultYear = defaultYear;
		this.maxRows = maxRows;
	}

	/**
	 * Reads all rows into {@code sink}.
	 *
	 * @throws WrongLayout when no header is found, required columns are missing, or there are too many rows
	 */
	void read(InputStream in, Sink sink) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(in, new ReadingOptions(true, false))) {
			read(workbook, sink);
		}
	}

	/** Reads all rows of a workbook file (random access to its parts, no copy). */
	void read(java.io.File file, Sink sink) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(file, new ReadingOptions(true, false))) {
			read(workbook, sink);
		}
	}

	private void read(ReadableWorkbook workbook, Sink sink) throws IOException {
		Sheet sheet = workbook.getSheets()
			.filter(s -> s.getVisibility() == SheetVisibility.VISIBLE)
			.findFirst()
			.orElse(workbook.getFirstSheet());
		try (Stream<Row> rows = sheet.openStream()) {
			State state = new State();
			rows.forEach(r -> state.row(r, sink));
			if (!state.headerFound) {
				throw new WrongLayout("activity.import.no-header");
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/** Where the reading stands: before the header, right after it (a sub-header may follow), or in the data. */
	private final class State {

		boolean headerFound;

		boolean subHeaderChecked;

		int headerRow;

		int dataRows;

		void row(Row r, Sink sink) {
			if (!headerFound) {
				if (r.getRowNum() > HEADER_SEARCH_ROWS) {
					throw new WrongLayout("activity.import.no-header");
				}
				header(r);
				return;
			}
			if (!subHeaderChecked) {
				subHeaderChecked = true;
				if (r.getRowNum() == headerRow + 1 && subHeader(r)) {
					return;
				}
			}
			data(r, sink);
		}

		private void header(Row r) {
			Map<TableColumn, Integer> found = new EnumMap<>(TableColumn.class);
			for (Cell c : r) {
				if (c == null) {
					continue;
				}
				TableColumn col = TableColumn.recognise(cellText(c));
				if (col != null && !found.containsKey(col)) {
					found.put(col, c.getColumnIndex());
				}
			}
			if (found.containsKey(TableColumn.NAME) && found.size() >= 4) {
				headerFound = true;
				headerRow = r.getRowNum();
				columns.putAll(found);
			}
		}

		/** The row under the header naming 链接资金 and 链接物资折价 under the merged 链接资源情况. */
		private boolean subHeader(Row r) {
			boolean any = false;
			for (Cell c : r) {
				if (c == null) {
					continue;
				}
				TableColumn col = TableColumn.recognise(cellText(c));
				if (col == TableColumn.FUNDS || col == TableColumn.MATERIALS) {
					columns.put(col, c.getColumnIndex());
					any = true;
				}
			}
			if (any || !hasAll()) {
				requireAll();
			}
			return any;
		}

		private boolean hasAll() {
			for (TableColumn c : TableColumn.values()) {
				if (c.required() && !columns.containsKey(c)) {
					return false;
				}
			}
			return true;
		}

		private void requireAll() {
			List<TableColumn> missing = new ArrayList<>();
			for (TableColumn c : TableColumn.values()) {
				if (c.required() && !columns.containsKey(c)) {
					missing.add(c);
				}
			}
			if (!missing.isEmpty()) {
				throw new WrongLayout(missing);
			}
		}

		private void data(Row r, Sink sink) {
			requireAll();
			if (isBlankOrNote(r)) {
				return;
			}
			if (++dataRows > maxRows) {
				throw new WrongLayout("activity.import.too-many-rows", maxRows);
			}
			int rowNumber = r.getRowNum();
			List<Problem> problems = new ArrayList<>();
			String name = textOf(r, TableColumn.NAME, ActivityValues.NAME_MAX, true, problems, rowNumber);
			String units = textOf(r, TableColumn.UNITS, ActivityValues.UNITS_MAX, false, problems, rowNumber);
			String place = textOf(r, TableColumn.PLACE, ActivityValues.PLACE_MAX, false, problems, rowNumber);
			String content = textOf(r, TableColumn.CONTENT, ActivityValues.CONTENT_MAX, false, problems, rowNumber);
			String remarks = textOf(r, TableColumn.REMARKS, ActivityValues.REMARKS_MAX, false, problems, rowNumber);
			Integer participants = value(r, TableColumn.PARTICIPANTS, problems, rowNumber,
					c -> c.number != null ? Headcount.of(c.number) : Headcount.parse(c.text));
			Integer beneficiaries = value(r, TableColumn.BENEFICIARIES, problems, rowNumber,
					c -> c.number != null ? Headcount.of(c.number) : Headcount.parse(c.text));
			Yuan funds = value(r, TableColumn.FUNDS, problems, rowNumber,
					c -> c.number != null ? Yuan.of(c.number) : Yuan.parse(c.text));
			Yuan materials = value(r, TableColumn.MATERIALS, problems, rowNumber,
					c -> c.number != null ? Yuan.of(c.number) : Yuan.parse(c.text));
			Set<ServiceDomain> domains = value(r, TableColumn.DOMAINS, problems, rowNumber,
					c -> ServiceDomain.parseList(c.text));
			DateSpan dates = value(r, TableColumn.DATES, problems, rowNumber, this::dates);
			if (!problems.isEmpty()) {
				sink.reject(rowNumber, problems);
				return;
			}
			sink.accept(rowNumber, new ActivityValues(region, name, units, participants, dates, place, content,
					domains, beneficiaries, funds, materials, remarks));
		}

		private DateSpan dates(Value c) {
			if (c.date != null) {
				return DateSpan.of(c.date);
			}
			if (c.number != null) {
				BigDecimal n = c.number;
				if (n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(20_000)) >= 0
						&& n.compareTo(BigDecimal.valueOf(80_000)) <= 0) {
					// an Excel day number shown without a date format
					try {
						return DateSpan.of(DateText.fromCell(n, false));
					}
					catch (DateText.NotADate ex) {
						throw new IllegalStateException("a day number in range is a date", ex);
					}
				}
			}
			return ChineseDate.parse(c.text, defaultYear);
		}

		/**
		 * Whether a row holds no activity: nothing in the table's columns but perhaps a 序号, a note or total line
		 * (by its first word), or a repeated header.
		 */
		private boolean isBlankOrNote(Row r) {
			String first = null;
			boolean beyondSeq = false;
			for (Map.Entry<TableColumn, Integer> e : columns.entrySet()) {
				int index = e.getValue();
				Cell c = index < r.getCellCount() ? r.getCell(index) : null;
				if (c == null || c.getType() == CellType.EMPTY) {
					continue;
				}
				String t = TableColumn.normalise(cellText(c));
				if (t.isEmpty()) {
					continue;
				}
				if (first == null) {
					first = t;
				}
				if (e.getKey() != TableColumn.SEQ) {
					beyondSeq = true;
				}
			}
			if (!beyondSeq) {
				return true;
			}
			for (String word : SKIP_WORDS) {
				if (first.startsWith(word)) {
					return true;
				}
			}
			// a header repeated further down (it starts with 序号)
			return TableColumn.recognise(first) == TableColumn.SEQ
					&& TableColumn.recognise(text(r, TableColumn.NAME)) == TableColumn.NAME;
		}

		private String textOf(Row r, TableColumn col, int max, boolean required, List<Problem> problems,
				int rowNumber) {
			String s = read(r, col).text.strip();
			if (s.isEmpty()) {
				if (required) {
					problems.add(problem(rowNumber, col, "activity.error.required"));
				}
				return null;
			}
			if (s.length() > max) {
				problems.add(problem(rowNumber, col, "activity.error.too-long", max));
			}
			return s;
		}

		private <T> T value(Row r, TableColumn col, List<Problem> problems, int rowNumber,
				java.util.function.Function<Value, T> parse) {
			Value v = read(r, col);
			if (v.error) {
				problems.add(problem(rowNumber, col, "activity.import.cell-error", v.text));
				return null;
			}
			try {
				return parse.apply(v);
			}
			catch (Unreadable ex) {
				problems.add(problem(rowNumber, col, ex.messageKey(), ex.args()));
				return null;
			}
		}

		private Problem problem(int rowNumber, TableColumn col, String key, Object... args) {
			Integer index = columns.get(col);
			return new Problem(rowNumber, index == null ? "" : TableColumn.letter(index), col, key, args);
		}

		private String text(Row r, TableColumn col) {
			return read(r, col).text;
		}

		private Value read(Row r, TableColumn col) {
			Integer index = columns.get(col);
			if (index == null || index >= r.getCellCount()) {
				return Value.EMPTY;
			}
			Cell c = r.getCell(index);
			return c == null ? Value.EMPTY : Value.of(c);
		}

	}

	/** A cell's content: its text, and its number or date when the sheet stored one. */
	private record Value(String text, BigDecimal number, LocalDate date, boolean error) {

		static final Value EMPTY = new Value("", null, null, false);

		static Value of(Cell c) {
			return switch (c.getType()) {
				case EMPTY -> EMPTY;
				case ERROR -> new Value(String.valueOf(c.getRawValue()), null, null, true);
				case NUMBER -> {
					BigDecimal n = c.asNumber();
					if (isDateFormat(c.getDataFormatString())) {
						LocalDateTime d = c.asDate();
						yield new Value(d.toLocalDate().toString(), null, d.toLocalDate(), false);
					}
					yield new Value(n.stripTrailingZeros().toPlainString(), n, null, false);
				}
				case STRING, BOOLEAN, FORMULA -> new Value(cellText(c), null, null, false);
			};
		}

	}

	private static final Map<String, Boolean> DATE_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

	/** Whether a number format shows a date (y or d outside quotes and brackets, and no digit placeholders). */
	static boolean isDateFormat(String format) {
		if (format == null) {
			return false;
		}
		return DATE_FORMATS.computeIfAbsent(format, f -> {
			String plain = f.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^\\]]*\\]", "").toLowerCase();
			return !plain.equals("general") && (plain.contains("y") || plain.contains("d")) && !plain.contains("0");
		});
	}

	static String cellText(Cell c) {
		String s = c.getType() == CellType.FORMULA ? c.getRawValue() : c.getText();
		return s == null ? "" : s;
	}

	private static List<String> loadSkipWords() {
		List<String> words = new ArrayList<>();
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("activity/table-skips.csv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(TableColumn.normalise(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(words);
	}

}
