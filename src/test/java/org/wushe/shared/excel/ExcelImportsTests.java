package org.wushe.shared.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

/**
 * Imports against a real (in-memory) database and transaction manager, with workbooks built in the test: good ones,
 * and every kind of broken one.
 */
class ExcelImportsTests {

	record Item(String name, Integer count, BigDecimal amount, LocalDate day, ImportJob.State state, String region,
			Boolean flag) {
	}

	static final ExcelColumn<String> NAME = ExcelColumn.text("test.name", 10).required().example("test.name.example");

	static final ExcelColumn<Integer> COUNT = ExcelColumn.count("test.count");

	static final ExcelColumn<BigDecimal> AMOUNT = ExcelColumn.yuan("test.amount");

	static final ExcelColumn<LocalDate> DAY = ExcelColumn.date("test.day");

	static final ExcelColumn<ImportJob.State> STATE = ExcelColumn.choice("test.state",
			List.of(ImportJob.State.SUCCEEDED, ImportJob.State.FAILED), ImportJob.State::messageKey);

	static final ExcelColumn<String> REGION = ExcelColumn.regionCode("test.region").required();

	static final ExcelColumn<Boolean> FLAG = ExcelColumn.yesNo("test.flag");

	static final ExcelLayout LAYOUT = new ExcelLayout("test.sheet",
			List.of(NAME, COUNT, AMOUNT, DAY, STATE, REGION, FLAG), List.of("test.instruction"));

	static final List<Object> HEADERS = List.of("名称*", "数量", "金额", "日期", "状态", "区划*", "公开");

	static final StaticMessageSource MESSAGES = new StaticMessageSource();

	static {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasenames("messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		MESSAGES.setParentMessageSource(bundles);
		String[][] labels = { { "test.sheet", "测试数据", "Test data" }, { "test.name", "名称", "Name" },
				{ "test.count", "数量", "Count" }, { "test.amount", "金额", "Amount" }, { "test.day", "日期", "Day" },
				{ "test.state", "状态", "State" }, { "test.region", "区划", "Region" }, { "test.flag", "公开", "Public" },
				{ "test.instruction", "每个名称只能出现一次。", "Each name only once." },
				{ "test.name.example", "海拉尔东路街道社工站", "Hailar East Road station" },
				{ "test.duplicate", "名称“{0}”在文件中重复", "Name \"{0}\" appears twice" } };
		for (String[] l : labels) {
			MESSAGES.addMessage(l[0], Locale.SIMPLIFIED_CHINESE, l[1]);
			MESSAGES.addMessage(l[0], Locale.ENGLISH, l[2]);
		}
		MESSAGES.setUseCodeAsDefaultMessage(false);
	}

	JdbcTemplate jdbc;

	DataSourceTransactionManager transactions;

	@BeforeEach
	void setUp() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		DriverManagerDataSource ds = new DriverManagerDataSource(
				"jdbc:h2:mem:excel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		jdbc = new JdbcTemplate(ds);
		jdbc.execute("""
				CREATE TABLE item (name VARCHAR(10) PRIMARY KEY, count INT, amount DECIMAL(14,2), on_day DATE,
				state VARCHAR(16), region VARCHAR(12), flag BOOLEAN)""");
		transactions = new DataSourceTransactionManager(ds);
	}

	@AfterEach
	void tearDown() {
		jdbc.execute("SHUTDOWN");
		LocaleContextHolder.resetLocaleContext();
	}

	ExcelImports imports(ExcelProperties properties) {
		return new ExcelImports(MESSAGES, transactions, properties, Clock.systemUTC());
	}

	ExcelImports imports() {
		return imports(ExcelProperties.defaults().withBatchSize(2));
	}

	/** Stores items; rejects a name seen before in the file; can be told to fail on the n-th batch. */
	class Plan implements ImportPlan<Item> {

		final List<String> seen = new ArrayList<>();

		final int failOnBatch;

		int batches;

		volatile String storingThread;

		Plan(int failOnBatch) {
			this.failOnBatch = failOnBatch;
		}

		Plan() {
			this(-1);
		}

		@Override
		public ExcelLayout layout() {
			return LAYOUT;
		}

		@Override
		public Item convert(ImportRow row) {
			String name = row.get(NAME);
			if (seen.contains(name)) {
				row.reject(NAME, "test.duplicate", name);
				return null;
			}
			seen.add(name);
			return new Item(name, row.get(COUNT), row.get(AMOUNT), row.get(DAY), row.get(STATE), row.get(REGION),
					row.get(FLAG));
		}

		@Override
		public void store(List<Item> batch) {
			storingThread = Thread.currentThread().getName();
			if (++batches == failOnBatch) {
				throw new IllegalStateException("disk full");
			}
			jdbc.batchUpdate("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?)",
					batch.stream()
						.map(i -> new Object[] { i.name(), i.count(), i.amount(),
								i.day() == null ? null : Date.valueOf(i.day()),
								i.state() == null ? null : i.state().name(), i.region(), i.flag() })
						.toList());
		}

	}

	int stored() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM item", Integer.class);
	}

	static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	ImportJob run(byte[] file, ImportMode mode) {
		return imports().runNow(new ByteArrayInputStream(file), "data.xlsx", new Plan(), mode, "tester");
	}

	static String rejection(Runnable r) {
		try {
			r.run();
		}
		catch (ExcelRejected ex) {
			return ex.messageKey();
		}
		return null;
	}

	@Test
	void templateHasHeadersInstructionsAndDropDowns() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		imports().writeTemplate(LAYOUT, out);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getSheetName(0)).isEqualTo("测试数据");
			assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
			XSSFRow header = wb.getSheetAt(0).getRow(0);
			List<String> texts = new ArrayList<>();
			header.forEach(c -> texts.add(c.getStringCellValue()));
			assertThat(texts).containsExactlyElementsOf(HEADERS.stream().map(Object::toString).toList());
			assertThat(wb.getSheetAt(0).getDataValidations()).extracting(DataValidation::getValidationConstraint)
				.anySatisfy(c -> assertThat(c.getFormula1()).contains("导入完成").contains("导入失败"));
			StringBuilder help = new StringBuilder();
			wb.getSheetAt(1).forEach(r -> r.forEach(c -> help.append(c.toString()).append('|')));
			assertThat(help).contains("每个名称只能出现一次。")
				.contains("文本，最多 10 个字")
				.contains("海拉尔东路街道社工站")
				.contains("从下拉列表中选择：导入完成、导入失败")
				.contains("日期，如 2024-03-05");
		}
	}

	@Test
	void roundTripThroughTheTemplate() throws IOException {
		ByteArrayOutputStream template = new ByteArrayOutputStream();
		imports().writeTemplate(LAYOUT, template);
		ByteArrayOutputStream filled = new ByteArrayOutputStream();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.toByteArray()))) {
			XSSFSheet sheet = wb.getSheetAt(0);
			XSSFRow r = sheet.createRow(1);
			r.createCell(0).setCellValue("新城社工站");
			r.createCell(1).setCellValue(12);
			r.createCell(2).setCellValue("１，２３４．５元");
			r.createCell(3).setCellValue("2024年3月5日");
			r.createCell(4).setCellValue("导入完成");
			r.createCell(5).setCellValue("150102000000");
			r.createCell(6).setCellValue("是");
			r = sheet.createRow(2);
			r.createCell(0).setCellValue("赛罕社工站");
			r.createCell(2).setCellValue(99.9);
			r.createCell(3).setCellValue(LocalDate.of(2023, 12, 31));
			r.createCell(4).setCellValue("FAILED");
			r.createCell(5).setCellValue("150105001");
			wb.write(filled);
		}
		ImportJob job = imports().runNow(new ByteArrayInputStream(filled.toByteArray()), "filled.xlsx", new Plan(),
				ImportMode.ALL, "tester");
		assertThat(job.errors()).isEmpty();
		assertThat(job.state()).isEqualTo(ImportJob.State.SUCCEEDED);
		assertThat(job.stored()).isEqualTo(2);
		assertThat(jdbc.queryForList("SELECT * FROM item ORDER BY region")).satisfiesExactly(a -> {
			assertThat(a.get("NAME")).isEqualTo("新城社工站");
			assertThat(a.get("COUNT")).isEqualTo(12);
			assertThat(a.get("AMOUNT")).isEqualTo(new BigDecimal("1234.50"));
			assertThat(a.get("ON_DAY")).isEqualTo(Date.valueOf("2024-03-05"));
			assertThat(a.get("STATE")).isEqualTo("SUCCEEDED");
			assertThat(a.get("REGION")).isEqualTo("150102");
			assertThat(a.get("FLAG")).isEqualTo(true);
		}, b -> {
			assertThat(b.get("NAME")).isEqualTo("赛罕社工站");
			assertThat(b.get("COUNT")).isNull();
			assertThat(b.get("AMOUNT")).isEqualTo(new BigDecimal("99.90"));
			assertThat(b.get("ON_DAY")).isEqualTo(Date.valueOf("2023-12-31"));
			assertThat(b.get("STATE")).isEqualTo("FAILED");
			assertThat(b.get("REGION")).isEqualTo("150105001");
		});
	}

	@Test
	void headersInEnglishAndInAnotherOrderAreAccepted() {
		byte[] file = TestWorkbooks.sheet("Test data", List.of(
				row("Region", "Name", "Public", "State", "Day", "Amount", "Count"),
				row("150102", "甲", "No", "Imported", "2024-01-02", "5", "1")));
		ImportJob job = run(file, ImportMode.ALL);
		assertThat(job.errors()).isEmpty();
		assertThat(stored()).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT flag FROM item", Boolean.class)).isFalse();
	}

	@Test
	void wrongHeaderNamesTheMissingAndUnexpectedColumns() {
		byte[] file = TestWorkbooks.sheet("测试数据", List.of(row("名称", "数量", "金钱", "日期", "状态", "区划", "公开", "备注"),
				row("甲", 1, 2, "2024-01-01", "导入完成", "150102", "是")));
		ExcelRejected ex = rejected(file, ImportMode.VALID);
		assertThat(ex.messageKey()).isEqualTo("excel.file.header-mismatch");
		assertThat(ex.args()[1].toString()).contains("缺少列“金额”").contains("多出列“金钱”（C 列）").contains("多出列“备注”（H 列）");
		assertThat(stored()).isZero();
	}

	@Test
	void duplicateHeaderIsNamed() {
		byte[] file = TestWorkbooks.sheet("测试数据", List.of(row("名称", "数量", "金额", "日期", "状态", "区划", "公开", "名称")));
		ExcelRejected ex = rejected(file, ImportMode.ALL);
		assertThat(ex.args()[1].toString()).contains("列“名称”重复（H 列）");
	}

	ExcelRejected rejected(byte[] file, ImportMode mode) {
		try {
			run(file, mode);
		}
		catch (ExcelRejected ex) {
			return ex;
		}
		throw new AssertionError("not rejected");
	}

	@Test
	void wrongTypesInAllModeStoreNothingAndReportEveryCell() {
		byte[] file = TestWorkbooks.sheet("测试数据", List.of(HEADERS,
				row("甲", 1, "10.00", "2024-01-01", "导入完成", "150102", "是"),
				row("乙", "两个", "三万元", "2024-02-30", "未知", "1501", "也许"),
				row("丙", 3, "1.005", "昨天", null, null, null),
				row("丁", 4, "4", "2024-01-04", null, "150102", null),
				row("甲", 5, "5", "2024-01-05", null, "150102", null)));
		ImportJob job = run(file, ImportMode.ALL);
		assertThat(job.state()).isEqualTo(ImportJob.State.REJECTED);
		assertThat(job.problem()).contains("没有保存任何数据");
		assertThat(job.stored()).isZero();
		assertThat(stored()).isZero();
		assertThat(job.errors()).extracting(ImportError::row, ImportError::column, ImportError::header)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "B", "数量"),
					org.assertj.core.groups.Tuple.tuple(3, "C", "金额"),
					org.assertj.core.groups.Tuple.tuple(3, "D", "日期"),
					org.assertj.core.groups.Tuple.tuple(3, "E", "状态"),
					org.assertj.core.groups.Tuple.tuple(3, "G", "公开"),
					org.assertj.core.groups.Tuple.tuple(4, "C", "金额"),
					org.assertj.core.groups.Tuple.tuple(4, "D", "日期"),
					org.assertj.core.groups.Tuple.tuple(4, "F", "区划"),
					org.assertj.core.groups.Tuple.tuple(6, "A", "名称"));
		assertThat(job.errors()).extracting(ImportError::message)
			.contains("应为整数，如 12", "应为金额（元），如 1234.50、1,234.50 或 1234.5元", "日期“2024-02-30”不存在", "应为以下之一：导入完成、导入失败",
					"应填“是”或“否”", "金额最多保留两位小数（精确到分）", "必填，不能为空", "名称“甲”在文件中重复");
		assertThat(job.errorRows()).isEqualTo(3);
		// a region code of the wrong length is caught too (row 3, column F)
		assertThat(job.errorCount()).isEqualTo(9);
	}

	@Test
	void validModeStoresOnlyTheValidRows() {
		byte[] file = TestWorkbooks.sheet("测试数据", List.of(HEADERS,
				row("甲", 1, "10.00", "2024-01-01", "导入完成", "150102", "是"),
				row("乙", -2, null, null, null, "150102", null),
				row("丙", 3, null, null, null, "150102001", null),
				row("丁", 4, null, null, null, "150102", null),
				row("戊", 5, null, null, null, "150102", null)));
		ImportJob job = run(file, ImportMode.VALID);
		assertThat(job.state()).isEqualTo(ImportJob.State.SUCCEEDED);
		assertThat(job.stored()).isEqualTo(4);
		assertThat(stored()).isEqualTo(4);
		assertThat(job.errors()).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(3);
			assertThat(e.column()).isEqualTo("B");
			assertThat(e.message()).isEqualTo("不能小于 0");
		});
	}

	@Test
	void blankRowsInBetweenAreSkippedAndRowNumbersStayTrue() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(HEADERS);
		rows.add(row("甲", 1, null, null, null, "150102", null));
		rows.add(null);
		rows.add(row("", "  ", null, null, null, "", null));
		rows.add(row("乙", 2, null, null, null, "150102", null));
		rows.add(null);
		rows.add(null);
		rows.add(row("丙", "x", null, null, null, "150102", null));
		ImportJob job = run(TestWorkbooks.sheet("测试数据", rows), ImportMode.VALID);
		assertThat(job.rowsRead()).isEqualTo(3);
		assertThat(stored()).isEqualTo(2);
		assertThat(job.errors()).singleElement().satisfies(e -> assertThat(e.row()).isEqualTo(8));
	}

	@Test
	void headerMayStartBelowRowOne() {
		byte[] file = TestWorkbooks.sheet("测试数据", 3, List.of(HEADERS, row("甲", "x", null, null, null, "150102", null)));
		ImportJob job = run(file, ImportMode.ALL);
		assertThat(job.errors()).singleElement().satisfies(e -> assertThat(e.row()).isEqualTo(4));
	}

	@Test
	void emptyFile() {
		assertThat(rejection(() -> run(new byte[0], ImportMode.ALL))).isEqualTo("excel.file.empty");
	}

	@Test
	void randomBytes() {
		byte[] noise = new byte[4096];
		new Random(42).nextBytes(noise);
		noise[0] = 'x';
		assertThat(rejection(() -> run(noise, ImportMode.ALL))).isEqualTo("excel.file.not-xlsx");
	}

	@Test
	void renamedCsv() {
		byte[] csv = "名称,数量\n甲,1\n".getBytes(StandardCharsets.UTF_8);
		assertThat(rejection(() -> run(csv, ImportMode.ALL))).isEqualTo("excel.file.not-xlsx");
	}

	@Test
	void oldXlsOrEncryptedWorkbook() {
		byte[] ole2 = new byte[1024];
		byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(magic, 0, ole2, 0, magic.length);
		assertThat(rejection(() -> run(ole2, ImportMode.ALL))).isEqualTo("excel.file.old-format");
		byte[] good = TestWorkbooks.sheet("测试数据", List.of(HEADERS));
		assertThat(rejection(() -> imports().runNow(new ByteArrayInputStream(good), "data.xls", new Plan(),
				ImportMode.ALL, "tester")))
			.isEqualTo("excel.file.old-format");
	}

	@Test
	void macros() {
		byte[] good = TestWorkbooks.sheet("测试数据", List.of(HEADERS, row("甲", 1, null, null, null, "150102", null)));
		byte[] xlsm = TestWorkbooks.withEntry(good, "xl/vbaProject.bin", new byte[] { 1, 2, 3 });
		assertThat(rejection(() -> run(xlsm, ImportMode.ALL))).isEqualTo("excel.file.macro");
		assertThat(rejection(() -> imports().runNow(new ByteArrayInputStream(good), "data.xlsm", new Plan(),
				ImportMode.ALL, "tester")))
			.isEqualTo("excel.file.macro");
		assertThat(stored()).isZero();
	}

	@Test
	void zipThatIsNoWorkbook() {
		byte[] docx = TestWorkbooks.zipOf("[Content_Types].xml",
				"<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
		assertThat(rejection(() -> run(docx, ImportMode.ALL))).isEqualTo("excel.file.not-workbook");
		assertThat(rejection(() -> run(TestWorkbooks.zipOf("a.txt", "hello"), ImportMode.ALL)))
			.isEqualTo("excel.file.not-workbook");
	}

	@Test
	void truncatedWorkbook() {
		byte[] good = TestWorkbooks.sheet("测试数据", List.of(HEADERS, row("甲", 1, null, null, null, "150102", null)));
		byte[] cut = Arrays.copyOf(good, good.length / 2);
		assertThat(rejection(() -> run(cut, ImportMode.ALL))).isEqualTo("excel.file.corrupt");
	}

	@Test
	void otherExtensions() {
		byte[] good = TestWorkbooks.sheet("测试数据", List.of(HEADERS));
		assertThat(rejection(() -> imports().runNow(new ByteArrayInputStream(good), "data.csv", new Plan(),
				ImportMode.ALL, "tester")))
			.isEqualTo("excel.file.wrong-extension");
	}

	@Test
	void oversizeFile() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(HEADERS);
		Random random = new Random(1);
		for (int i = 0; i < 400; i++) {
			rows.add(row("n" + i, i, null, null, null, "150102", Long.toHexString(random.nextLong())));
		}
		byte[] file = TestWorkbooks.sheet("测试数据", rows);
		ExcelImports small = imports(ExcelProperties.defaults().withMaxFileSize(DataSize.ofBytes(file.length - 1)));
		ExcelRejected ex = null;
		try {
			small.runNow(new ByteArrayInputStream(file), "big.xlsx", new Plan(), ImportMode.ALL, "tester");
		}
		catch (ExcelRejected e) {
			ex = e;
		}
		assertThat(ex).isNotNull();
		assertThat(ex.messageKey()).isEqualTo("excel.file.too-large");
		assertThat(ex.status().value()).isEqualTo(413);
	}

	@Test
	void tooManyRowsAnnouncedByTheSheet() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			XSSFSheet s = wb.createSheet("测试数据");
			for (int r = 0; r <= 10; r++) {
				XSSFRow row = s.createRow(r);
				for (int c = 0; c < HEADERS.size(); c++) {
					row.createCell(c).setCellValue(r == 0 ? HEADERS.get(c).toString() : c == 5 ? "150102" : "n" + r);
				}
			}
			wb.write(out);
		}
		ExcelImports limited = imports(ExcelProperties.defaults().withMaxRows(5));
		assertThat(rejection(() -> limited.runNow(new ByteArrayInputStream(out.toByteArray()), "rows.xlsx",
				new Plan(), ImportMode.ALL, "tester")))
			.isEqualTo("excel.file.too-many-rows");
	}

	@Test
	void tooManyRowsFoundWhileReading() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(HEADERS);
		for (int i = 0; i < 10; i++) {
			rows.add(row("n" + i, i, null, null, null, "150102", null));
		}
		ExcelImports limited = imports(ExcelProperties.defaults().withMaxRows(5).withBatchSize(2));
		ImportJob job;
		try {
			job = limited.runNow(new ByteArrayInputStream(TestWorkbooks.sheet("测试数据", rows)), "rows.xlsx",
					new Plan(), ImportMode.VALID, "tester");
		}
		catch (ExcelRejected ex) {
			// the sheet announced its size
			assertThat(ex.messageKey()).isEqualTo("excel.file.too-many-rows");
			return;
		}
		assertThat(job.state()).isEqualTo(ImportJob.State.REJECTED);
		assertThat(job.problem()).contains("超过单次导入上限 5 行");
		assertThat(stored()).isZero();
	}

	@Test
	void headerOnly() {
		assertThat(rejection(() -> run(TestWorkbooks.sheet("测试数据", List.of(HEADERS)), ImportMode.ALL)))
			.isNull();
		ImportJob job = run(TestWorkbooks.sheet("测试数据", List.of(HEADERS)), ImportMode.ALL);
		assertThat(job.state()).isEqualTo(ImportJob.State.REJECTED);
		assertThat(job.problem()).contains("没有数据行");
	}

	@Test
	void emptySheet() {
		byte[] file = TestWorkbooks.sheet("测试数据", List.of(row((Object) null)));
		assertThat(rejection(() -> run(file, ImportMode.ALL))).isEqualTo("excel.file.no-header");
	}

	@Test
	void aFailingStoreLeavesNothingBehind() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(HEADERS);
		for (int i = 0; i < 7; i++) {
			rows.add(row("n" + i, i, null, null, null, "150102", null));
		}
		ImportJob job = imports().runNow(new ByteArrayInputStream(TestWorkbooks.sheet("测试数据", rows)), "f.xlsx",
				new Plan(3), ImportMode.VALID, "tester");
		assertThat(job.state()).isEqualTo(ImportJob.State.FAILED);
		assertThat(job.problem()).contains("没有保存任何数据");
		assertThat(stored()).isZero();
	}

	@Test
	void largeFilesRunInTheBackgroundAndReportProgress() throws InterruptedException {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(HEADERS);
		for (int i = 0; i < 3000; i++) {
			rows.add(row("n" + i, i, "1,000.50", "2024-01-01", "导入完成", "150102", "否"));
		}
		byte[] file = TestWorkbooks.sheet("测试数据", rows);
		ExcelImports background = imports(
				ExcelProperties.defaults().withBackgroundAboveRows(100).withBatchSize(500).withMaxFileSize(
						DataSize.ofMegabytes(20)));
		Plan plan = new Plan();
		ImportJob job = background.start(new ByteArrayInputStream(file), "big.xlsx", plan, ImportMode.ALL, "tester");
		for (int i = 0; i < 600 && !job.isFinished(); i++) {
			Thread.sleep(50);
		}
		assertThat(job.state()).isEqualTo(ImportJob.State.SUCCEEDED);
		assertThat(plan.storingThread).startsWith("excel-import-");
		assertThat(job.rowsRead()).isEqualTo(3000);
		assertThat(job.percent()).isEqualTo(100);
		assertThat(stored()).isEqualTo(3000);
		assertThat(background.job(job.id(), "tester")).containsSame(job);
		assertThat(background.job(job.id(), "someone-else")).isEmpty();
	}

	@Test
	void smallFilesRunAtOnce() {
		Plan plan = new Plan();
		ImportJob job = imports().start(
				new ByteArrayInputStream(TestWorkbooks.sheet("测试数据", List.of(HEADERS, row("甲", 1, null, null, null, "150102", null)))),
				"small.xlsx", plan, ImportMode.ALL, "tester");
		assertThat(job.state()).isEqualTo(ImportJob.State.SUCCEEDED);
		assertThat(plan.storingThread).isEqualTo(Thread.currentThread().getName());
	}

}
