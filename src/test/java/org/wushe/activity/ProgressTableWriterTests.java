package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.wushe.campaign.ReportRow;
import org.wushe.region.RegionCode;

class ProgressTableWriterTests {

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource m = new ResourceBundleMessageSource();
		m.setBasenames("i18n/activity");
		m.setDefaultEncoding("UTF-8");
		m.setFallbackToSystemLocale(false);
		return m;
	}

	static byte[] write(List<ReportRow> rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ProgressTableWriter w = new ProgressTableWriter(out, messages(),
				new ProgressTableWriter.Heading("盟市社会工作主题宣传活动工作进展情况统计表", "呼和浩特市民政局", "李四 13900000000",
						"2022年3月24日16:30", "说明：报送时限为2022年3月24日17:00"))) {
			for (ReportRow r : rows) {
				w.row(r);
			}
		}
		return out.toByteArray();
	}

	static ReportRow row(String name, LocalDate start, LocalDate end, List<String> domains, String funds) {
		return new ReportRow(1L, "150102001", name, "社工站、志愿队", 120, start, end, "社区广场", "义诊", domains, 300,
				new BigDecimal(funds), new BigDecimal("0.50"), "备注");
	}

	@Test
	void writesTheNoticeLayoutWithTheMergedResourcesHeader() throws Exception {
		byte[] xlsx = write(List.of(
				row("关爱老人", LocalDate.of(2022, 3, 20), LocalDate.of(2022, 3, 22), List.of("ELDERLY", "CHILDREN"),
						"1200.50"),
				row("普法宣传", LocalDate.of(2022, 3, 31), LocalDate.of(2022, 4, 2), List.of("OTHER"), "0.00")));
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet s = wb.getSheetAt(0);
			List<String> merged = new ArrayList<>();
			for (CellRangeAddress r : s.getMergedRegions()) {
				merged.add(r.formatAsString());
			}
			assertThat(merged).contains("A1:L1", "A2:L2", "A3:L3", "A4:L4", "A5:A6", "B5:B6", "I5:I6", "J5:K5",
					"L5:L6", "A10:L10");
			assertThat(merged).doesNotContain("J5:J6", "K5:K6");
			assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("盟市社会工作主题宣传活动工作进展情况统计表");
			assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：呼和浩特市民政局");
			assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("填报人及手机号码：李四 13900000000");
			assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("填报时间：2022年3月24日16:30");
			List<String> header = new ArrayList<>();
			for (int c = 0; c < 12; c++) {
				header.add(s.getRow(4).getCell(c).getStringCellValue());
			}
			assertThat(header).containsExactly("序号", "活动名称", "参与活动的单位或社会组织（团队）名称", "参与人次", "活动开展时间", "活动地点",
					"活动内容", "服务领域（老年人、残疾人、妇女、儿童青少年、困难群体等）", "受益人次", "链接资源情况", "", "备注");
			assertThat(s.getRow(5).getCell(9).getStringCellValue()).isEqualTo("链接资金（元）");
			assertThat(s.getRow(5).getCell(10).getStringCellValue()).isEqualTo("链接物资折价（元）");

			var first = s.getRow(6);
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("关爱老人");
			assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(120);
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("2022年3月20日-22日");
			assertThat(first.getCell(7).getStringCellValue()).isEqualTo("老年人、儿童青少年");
			assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(300);
			assertThat(first.getCell(9).getNumericCellValue()).isEqualTo(1200.50);
			assertThat(first.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(0.5);
			assertThat(s.getRow(7).getCell(0).getNumericCellValue()).isEqualTo(2);
			assertThat(s.getRow(7).getCell(4).getStringCellValue()).isEqualTo("2022年3月31日-4月2日");
			var total = s.getRow(8);
			assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
			assertThat(total.getCell(3).getNumericCellValue())
				.isEqualTo(first.getCell(3).getNumericCellValue() + s.getRow(7).getCell(3).getNumericCellValue());
			assertThat(total.getCell(8).getNumericCellValue())
				.isEqualTo(first.getCell(8).getNumericCellValue() + s.getRow(7).getCell(8).getNumericCellValue());
			assertThat(total.getCell(9).getNumericCellValue())
				.isEqualTo(first.getCell(9).getNumericCellValue() + s.getRow(7).getCell(9).getNumericCellValue());
			assertThat(s.getRow(9).getCell(0).getStringCellValue()).isEqualTo("说明：报送时限为2022年3月24日17:00");
			assertThat(s.getLastRowNum()).isEqualTo(9);
			// twelve columns print landscape, one page wide
			assertThat(s.getPrintSetup().getLandscape()).isTrue();
		}
	}

	@Test
	void anExportedTableImportsAgainUnchanged() throws Exception {
		List<ReportRow> rows = List.of(
				row("一", LocalDate.of(2022, 3, 20), LocalDate.of(2022, 3, 20), List.of("WOMEN"), "1234567.89"),
				row("二", LocalDate.of(2021, 12, 30), LocalDate.of(2022, 1, 2), List.of("DISABLED", "NEEDY"), "1"));
		List<ActivityValues> read = new ArrayList<>();
		new ProgressTableReader(RegionCode.parse("150102"), 2022, 1000).read(new ByteArrayInputStream(write(rows)),
				new ProgressTableReader.Sink() {

					@Override
					public void accept(int row, ActivityValues values) {
						read.add(values);
					}

					@Override
					public void reject(int row, List<ProgressTableReader.Problem> problems) {
						throw new AssertionError(row + " " + problems);
					}

				});
		assertThat(read).hasSize(2);
		assertThat(read.get(0).funds()).isEqualTo(Yuan.of("1234567.89"));
		assertThat(read.get(0).domains()).containsExactly(ServiceDomain.WOMEN);
		assertThat(read.get(1).dates()).isEqualTo(new DateSpan(LocalDate.of(2021, 12, 30), LocalDate.of(2022, 1, 2)));
		assertThat(read.get(1).domains()).containsExactly(ServiceDomain.DISABLED, ServiceDomain.NEEDY);
		assertThat(read.get(1).participants()).isEqualTo(120);
		assertThat(read.get(1).remarks()).isEqualTo("备注");
	}

}
