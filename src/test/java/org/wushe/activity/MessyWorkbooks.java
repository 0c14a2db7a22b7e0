package org.wushe.activity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks as people really fill in 附件1, built cell by cell: titles and 填报 lines above the header, one- or two-row
 * headers, blank rows, numbered empty rows, full-width digits, separators, 元 and 万元, dates written every which way,
 * date cells, totals and notes.
 */
final class MessyWorkbooks {

	static final List<String> HEADER = List.of("序号", "活动名称", "参与活动的单位或社会组织（团队）名称", "参与人次", "活动开展时间", "活动地点", "活动内容",
			"服务领域（老年人、残疾人、妇女、儿童青少年、困难群体等）", "受益人次", "链接资金（元）", "链接物资折价（元）", "备注");

	private MessyWorkbooks() {
	}

	/** A sheet written from rows of values: String, Number, LocalDate (a date cell) or null. */
	static byte[] workbook(List<Object[]> rows) {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("附件1");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			for (int r = 0; r < rows.size(); r++) {
				Object[] values = rows.get(r);
				if (values == null) {
					continue;
				}
				Row row = sheet.createRow(r);
				for (int c = 0; c < values.length; c++) {
					Object v = values[c];
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else if (v instanceof LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(date);
					}
					else {
						cell.setCellValue(v.toString());
					}
				}
			}
			if (rows.size() > 0 && rows.get(0) != null && rows.get(0).length == 1) {
				sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 11));
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The messy table: 8 readable rows, one row with five unreadable cells (Excel row 12), notes and totals. */
	static byte[] messy() {
		return workbook(java.util.Arrays.asList(new Object[] { "盟市社会工作主题宣传活动工作进展情况统计表" },
				new Object[] { "填报单位：新城区民政局", null, null, null, null, null, "填报时间：2022年3月24日" },
				null,
				HEADER.toArray(),
				null,
				new Object[] { null, "敬老义诊", "新城区社工站", "１２０", "2022年3月20日", "社区广场", "义诊", "老年人、残疾人", "1,500人次",
						"1,200.50元", "0.3万元", null },
				new Object[] { 1, "儿童阅读", "图书馆", 35, LocalDate.of(2022, 3, 21), null, null, "儿童青少年，妇女", 40, 800, null,
						null },
				new Object[] { 2, "困难帮扶", "", "50", "3月22日-24日", "", "", "困难群体 其他", "60", "￥2,000", "500元", "" },
				new Object[] { "3", "   ", null, null, null, null, null, null, null, null, null, null },
				new Object[] { 4, "长者生日会", "志愿队", "1，200", "2022/3/25", "", "", "老人、儿童", "３０", "1.5万元", "0", "" },
				new Object[] { 5, "错误行", "", "-5", "3月32日", "", "", "宇航员", "abc", "12.345", "", "" },
				new Object[] { 6, "助残活动", "", 12, "3.26", "", "", "残疾人;其他", 20, "", "", "" },
				new Object[] { 7, "妇女讲座", "", "８", "2022.3.27", "", "", "妇女", "10", "100", "50.5", "" },
				new Object[] { 8, "跨月活动", "", "8", "3月30日至4月2日", "", "", "其他", "10", "0", "0", "" },
				new Object[] { 9, "序号空白的行", "", "8", "2022-03-28", "", "", "其它", "10", "", "", "" },
				new Object[] { "合计", null, null, 1483, null, null, null, null, 1660 },
				null,
				new Object[] { "说明：请于2022年3月24日17:00前报送。" }));
	}

	/** Readable rows of {@link #messy()}. */
	static final int MESSY_VALID = 8;

	/** The Excel row number of the unreadable row of {@link #messy()}. */
	static final int MESSY_BAD_ROW = 11;

	/** {@code n} plain rows under a two-row header, as the export writes them. */
	static byte[] plain(int n) {
		java.util.ArrayList<Object[]> rows = new java.util.ArrayList<>();
		rows.add(new Object[] { "统计表" });
		Object[] header = HEADER.toArray();
		header[9] = "链接资源情况";
		header[10] = null;
		rows.add(header);
		Object[] sub = new Object[12];
		sub[9] = "链接资金（元）";
		sub[10] = "链接物资折价（元）";
		rows.add(sub);
		for (int i = 1; i <= n; i++) {
			rows.add(new Object[] { i, "活动" + i, "单位", 10, "2022-03-20", "地点", "内容", "老年人", 20, "100.00", "50", "" });
		}
		return workbook(rows);
	}

	/** A zip that looks like a workbook but carries a VBA project. */
	static byte[] withMacros() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes());
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.write("<workbook/>".getBytes());
			zip.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
			zip.write(new byte[] { 1, 2, 3 });
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
