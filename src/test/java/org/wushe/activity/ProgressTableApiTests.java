package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

@IntegrationTest
class ProgressTableApiTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	CampaignService campaigns;

	@Autowired
	ActivityRollup rollup;

	@Autowired
	ActivityImport imports;

	long campaign;

	String county;

	@BeforeEach
	void setUp() {
		campaign = campaigns.create(new RegionScope(RegionCode.parse("15")), new CampaignInput(null,
				"table-" + System.nanoTime(), "t", "15", 2, "2022-03-17", "2022-03-31",
				List.of("2022-03-24 17:00", "2022-03-31 17:00"), null, "盟市社会工作主题宣传活动工作进展情况统计表", null, null, null,
				null, null), "test");
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
	}

	ResultActions upload(String user, String name, byte[] bytes, String mode) throws Exception {
		return mvc.perform(multipart("/api/campaigns/{id}/activities/import", campaign)
			.file(new MockMultipartFile("file", name, XLSX, bytes))
			.param("regionCode", "150102")
			.param("mode", mode)
			.with(TestAccounts.as(user)));
	}

	ActivityTotals totals() {
		return rollup.totals(new RegionScope(RegionCode.COUNTRY), RegionCode.parse("15"), LocalDate.of(2022, 1, 1),
				LocalDate.of(2022, 12, 31), campaign);
	}

	@Test
	void allOrNothingStoresNothingAndNamesEveryBadCell() throws Exception {
		upload(county, "附件1.xlsx", MessyWorkbooks.messy(), "all").andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.rejectedRows").value(1))
			.andExpect(jsonPath("$.rejected.length()").value(5))
			.andExpect(jsonPath("$.rejected[0].row").value(MessyWorkbooks.MESSY_BAD_ROW))
			.andExpect(jsonPath("$.rejected[*].column", hasItem("D")))
			.andExpect(jsonPath("$.rejected[*].message", hasItem(containsString("第 11 行 D 列（参与人次）"))))
			.andExpect(jsonPath("$.rejected[*].message", hasItem(containsString("宇航员"))));
		assertThat(totals().activities()).isZero();
	}

	@Test
	void validRowsOnlyStoresTheReadableRowsAndTheTotalsFollow() throws Exception {
		upload(county, "附件1.xlsx", MessyWorkbooks.messy(), "valid").andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(MessyWorkbooks.MESSY_VALID))
			.andExpect(jsonPath("$.rejectedRows").value(1));
		ActivityTotals t = totals();
		assertThat(t.activities()).isEqualTo(MessyWorkbooks.MESSY_VALID);
		assertThat(t.participants()).isEqualTo(120 + 35 + 50 + 1200 + 12 + 8 + 8 + 8);
		assertThat(t.fundsYuan()).isEqualByComparingTo("19100.50");
		assertThat(t.materialsYuan()).isEqualByComparingTo("3550.50");
		assertThat(t.byDomain().get(ServiceDomain.OTHER).activities()).isEqualTo(4);
		assertThat(rollup.totals(new RegionScope(RegionCode.COUNTRY), RegionCode.parse("150102"),
				LocalDate.of(2022, 3, 17), LocalDate.of(2022, 3, 31), campaign)
			.activities()).isEqualTo(MessyWorkbooks.MESSY_VALID);
	}

	@Test
	void refusesWhatIsNoPlainWorkbook() throws Exception {
		upload(county, "notes.xlsx", "just text".getBytes(), "all").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.detail").value(containsString(".xlsx")));
		upload(county, "old.xls", MessyWorkbooks.messy(), "all").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString(".xls")));
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		upload(county, "secret.xlsx", ole2, "all").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("加密")));
		upload(county, "macro.xlsx", MessyWorkbooks.withMacros(), "all").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("宏")));
		upload(county, "macro.xlsm", MessyWorkbooks.messy(), "all").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("宏")));
		upload(county, "empty.xlsx", new byte[0], "all").andExpect(status().isBadRequest());
		upload(county, "ok.xlsx", MessyWorkbooks.messy(), "some").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("mode"));
		upload(county, "layout.xlsx", MessyWorkbooks.workbook(List.<Object[]>of(new Object[] { "姓名" })), "all")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("表头")));
		assertThatThrownBy(() -> imports.importTable(new RegionScope(RegionCode.parse("150102")), campaign, "150102",
				"all", new ByteArrayResource(MessyWorkbooks.messy()), 30L * 1024 * 1024, "big.xlsx", "t"))
			.isInstanceOf(BusinessException.class)
			.satisfies(e -> assertThat(((BusinessException) e).status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
		assertThat(totals().activities()).isZero();
	}

	@Test
	void aSiblingCountyCanNeitherImportThereNorExportIt() throws Exception {
		String saihan = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		upload(saihan, "附件1.xlsx", MessyWorkbooks.plain(2), "all").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("regionCode"));
		mvc.perform(get("/api/campaigns/{id}/progress-table.xlsx", campaign).param("region", "150102")
			.param("deadline", "1")
			.with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		mvc.perform(get("/api/campaigns/{id}/progress-table.xlsx", campaign).param("region", "1501")
			.param("deadline", "1")
			.with(TestAccounts.as(saihan))).andExpect(status().isNotFound());
		assertThat(totals().activities()).isZero();
	}

	@Test
	void exportsAUnitsSubmittedTableAndTheProvincesCombinedTable() throws Exception {
		upload(county, "附件1.xlsx", MessyWorkbooks.plain(3), "all").andExpect(jsonPath("$.imported").value(3));
		String league = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		mvc.perform(post("/api/campaigns/{id}/reports/1/submit", campaign).param("regionCode", "1501")
			.with(TestAccounts.as(league))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reporter\": \"李四\", \"reporterPhone\": \"13900000000\"}")).andExpect(status().isOk());
		// recorded after the submission: in the live rows, not in the submitted version
		upload(county, "more.xlsx", MessyWorkbooks.plain(1), "all").andExpect(jsonPath("$.imported").value(1));

		Sheet unit = export(league, "1501", 1);
		assertThat(unit.getRow(0).getCell(0).getStringCellValue()).isEqualTo("盟市社会工作主题宣传活动工作进展情况统计表");
		assertThat(unit.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：呼和浩特市");
		assertThat(unit.getRow(2).getCell(0).getStringCellValue()).isEqualTo("填报人及手机号码：李四 139****0000");
		assertThat(unit.getRow(3).getCell(0).getStringCellValue()).startsWith("填报时间：");
		assertThat(names(unit)).containsExactly("活动1", "活动2", "活动3");
		assertThat(unit.getRow(6 + 3).getCell(1).getStringCellValue()).isEqualTo("合计");
		assertThat(unit.getRow(6 + 4).getCell(0).getStringCellValue()).contains("2022年3月24日17:00", "2022年3月31日17:00");
		List<String> merged = new ArrayList<>();
		for (CellRangeAddress r : unit.getMergedRegions()) {
			merged.add(r.formatAsString());
		}
		assertThat(merged).contains("J5:K5", "A1:L1");

		String province = TestAccounts.create(accounts, Role.PROVINCE_STAFF, "15");
		Sheet combined = export(province, "15", 1);
		assertThat(combined.getRow(0).getCell(0).getStringCellValue())
			.isEqualTo("内蒙古自治区社会工作主题宣传活动工作进展情况汇总表");
		assertThat(combined.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：内蒙古自治区");
		// the combined table names each row's reporting unit after 序号, totals in that column, prints landscape
		assertThat(combined.getRow(4).getCell(1).getStringCellValue()).isEqualTo("填报单位");
		assertThat(combined.getRow(4).getCell(2).getStringCellValue()).isEqualTo(unit.getRow(4).getCell(1)
			.getStringCellValue());
		assertThat(column(combined, 2)).containsExactly("活动1", "活动2", "活动3");
		assertThat(column(combined, 1)).containsExactly("呼和浩特市", "呼和浩特市", "呼和浩特市", "合计");
		assertThat(combined.getRow(6 + 3).getCell(4).getNumericCellValue())
			.isEqualTo(unit.getRow(6 + 3).getCell(3).getNumericCellValue());
		assertThat(combined.getPrintSetup().getLandscape()).isTrue();
		List<String> combinedMerged = new ArrayList<>();
		for (CellRangeAddress r : combined.getMergedRegions()) {
			combinedMerged.add(r.formatAsString());
		}
		assertThat(combinedMerged).contains("A1:M1", "K5:L5", "B5:B6");
		assertThat(unit.getPrintSetup().getLandscape()).isTrue();
		Sheet second = export(province, "15", 2);
		assertThat(column(second, 2)).containsExactly("活动1", "活动2", "活动3", "活动1");
	}

	Sheet export(String user, String region, int deadline) throws Exception {
		MvcResult started = mvc.perform(get("/api/campaigns/{id}/progress-table.xlsx", campaign).param("region", region)
			.param("deadline", String.valueOf(deadline))
			.with(TestAccounts.as(user))).andExpect(request().asyncStarted()).andReturn();
		byte[] bytes = mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return new XSSFWorkbook(new ByteArrayInputStream(bytes)).getSheetAt(0);
	}

	/** The texts of a column below the headers, up to the 说明 line. */
	static List<String> column(Sheet sheet, int column) {
		List<String> texts = new ArrayList<>();
		for (int r = 6; r < sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row != null && row.getCell(column) != null && !row.getCell(column).getStringCellValue().isEmpty()) {
				texts.add(row.getCell(column).getStringCellValue());
			}
		}
		return texts;
	}

	static List<String> names(Sheet sheet) {
		List<String> names = new ArrayList<>();
		for (int r = 6; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row != null && row.getCell(1) != null && !row.getCell(1).getStringCellValue().isEmpty()
					&& !row.getCell(1).getStringCellValue().equals("合计")) {
				names.add(row.getCell(1).getStringCellValue());
			}
		}
		return names;
	}

}
