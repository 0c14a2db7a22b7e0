package org.wushe.shared.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class ExcelExportsTests {

	record Line(String name, int count, BigDecimal amount, LocalDate day, Instant at, String stateKey, double share) {
	}

	final ExcelExports exports = new ExcelExports(ExcelImportsTests.MESSAGES);

	@BeforeEach
	void chinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	static ExcelReport<Line> report(boolean groups) {
		ExportColumn<Line> count = ExportColumn.integer("test.count", Line::count);
		ExportColumn<Line> amount = ExportColumn.money("test.amount", Line::amount);
		return new ExcelReport<>("excel.job.file", List.of("test.sheet"), "test.sheet",
				List.of(ExportColumn.text("test.name", Line::name).width(30), groups ? count.group("test.flag") : count,
						groups ? amount.group("test.flag") : amount, ExportColumn.date("test.day", Line::day),
						ExportColumn.dateTime("test.region", Line::at), ExportColumn.label("test.state", Line::stateKey),
						ExportColumn.percent("test.instruction", Line::share)));
	}

	static Stream<Line> lines(int n) {
		return IntStream.range(0, n)
			.mapToObj(i -> new Line("站点" + i, i, new BigDecimal("1234.5").add(BigDecimal.valueOf(i)),
					LocalDate.of(2024, 3, 5), Instant.parse("2024-03-05T02:30:00Z"), "excel.job.state.succeeded",
					0.25));
	}

	@Test
	void typedCellsTitleAndWidths() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long n = exports.write(report(false), lines(3), out);
		assertThat(n).isEqualTo(3);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet s = wb.getSheet("测试数据");
			assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("文件：测试数据");
			assertThat(s.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 6));
			assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("名称");
			var row = s.getRow(3);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("站点1");
			assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1.0);
			assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1235.5);
			assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 5));
			assertThat(row.getCell(4).getLocalDateTimeCellValue().getHour()).isEqualTo(10);
			assertThat(row.getCell(5).getStringCellValue()).isEqualTo("导入完成");
			assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(0.25);
			assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(s.getColumnWidth(0) / 256.0).isBetween(29.0, 31.0);
			assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
		}
	}

	@Test
	void mergedGroupHeaders() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.write(report(true), lines(2), out);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet s = wb.getSheetAt(0);
			assertThat(s.getMergedRegions()).contains(new CellRangeAddress(1, 1, 1, 2), new CellRangeAddress(1, 2, 0, 0),
					new CellRangeAddress(1, 2, 3, 3));
			assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("公开");
			assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("数量");
			assertThat(s.getRow(2).getCell(2).getStringCellValue()).isEqualTo("金额");
			assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("站点0");
			assertThat(s.getLastRowNum()).isEqualTo(4);
		}
	}

	@Test
	void englishHeaders() throws IOException {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exports.write(report(false), lines(1), out);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Name");
			assertThat(wb.getSheetAt(0).getRow(2).getCell(5).getStringCellValue()).isEqualTo("Imported");
		}
	}

	@Test
	void manyRowsStream() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(exports.write(report(false), lines(5_000), out)).isEqualTo(5_000);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(5_001);
			assertThat(wb.getSheetAt(0).getRow(5_001).getCell(0).getStringCellValue()).isEqualTo("站点4999");
		}
	}

}
