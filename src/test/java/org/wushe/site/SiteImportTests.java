package org.wushe.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.Regions;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestFiles;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Importing sites into 回民区 (150103) from workbooks built from the downloaded template, good and broken. */
@IntegrationTest
class SiteImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	SiteService sites;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	SiteFixtures fixtures;

	String huimin;

	List<Region> villages;

	@BeforeEach
	void setUp() {
		fixtures = new SiteFixtures(sites, jdbc);
		huimin = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150103");
		for (SiteType t : SiteType.values()) {
			fixtures.freeAll("150103", t);
		}
		villages = regions.children(new RegionCode("150103001"));
	}

	long sitesIn150103() {
		return jdbc.sql("SELECT COUNT(*) FROM site WHERE region_code >= '150103' AND region_code < '150104'")
			.query(Long.class)
			.single();
	}

	byte[] template() throws Exception {
		return mvc.perform(get("/sites/import/template").with(TestAccounts.as(huimin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/** The template with these rows filled in from row 2; each row lists the cells from column A. */
	byte[] filled(List<List<Object>> rows) throws Exception {
		return TestFiles.filled(template(), rows);
	}

	static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	MockMultipartFile file(byte[] content) {
		return new MockMultipartFile("file", "阵地.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
	}

	@Test
	void templateHasTheColumnsAndInstructions() throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
			assertThat(wb.getSheetName(0)).isEqualTo("阵地");
			assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("阵地类型*");
			assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("区划代码*");
			StringBuilder help = new StringBuilder();
			wb.getSheetAt(1).forEach(r -> r.forEach(c -> help.append(c).append('|')));
			assertThat(help).contains("同一区划只能有一个未撤销的阵地", "区县社会工作指导中心、乡镇（街道）社工站、村（社区）社工室",
					"海拉尔东路街道社工站");
		}
	}

	@Test
	void goodRowsAreStoredAndCounted() throws Exception {
		long before = sites.coverage(new RegionCode("150103"), SiteFixtures.EVERYWHERE).stations();
		byte[] file = filled(List.of(
				row("乡镇（街道）社工站", "150103001", "新华西路街道社工站", "新华西路 1 号", "0471-6901234", "周一至周五", "养老服务",
						"养老服务：探访；儿童关爱", "接案—服务", "运营中", "2023年6月1日", "40.81", "111.66"),
				row("STATION", "150103002000", "中山西路街道社工站", null, null, null, null, null, null, "OPERATING"),
				row("村（社区）社工室", villages.get(0).code().value(), "社工室一", null, null, null, null, null, null, "筹建中"),
				row("区县社会工作指导中心", "150103", "回民区社会工作指导中心", null, "13812345678", null, null, null, null,
						"运营中", 45000)));
		mvc.perform(multipart("/api/sites/import").file(file(file)).param("mode", "ALL").with(TestAccounts.as(huimin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("SUCCEEDED"))
			.andExpect(jsonPath("$.stored").value(4))
			.andExpect(jsonPath("$.errorCount").value(0));
		Coverage c = sites.coverage(new RegionCode("150103"), SiteFixtures.EVERYWHERE);
		assertThat(c.stations()).isEqualTo(before + 2);
		assertThat(c.centres()).isEqualTo(1);
		assertThat(c.count(SiteType.ROOM, SiteStatus.PLANNED)).isGreaterThanOrEqualTo(1);
		Site imported = sites.get(jdbc.sql("SELECT id FROM site WHERE active_region = '150103001'")
			.query(Long.class)
			.single(), SiteFixtures.EVERYWHERE);
		assertThat(imported.serviceItems()).extracting(ServiceItem::name).containsExactly("养老服务", "儿童关爱");
		assertThat(imported.openedOn()).hasToString("2023-06-01");
		assertThat(imported.latitude()).isEqualByComparingTo("40.81");
		assertThat(sites.get(jdbc.sql("SELECT id FROM site WHERE active_region = '150103'").query(Long.class).single(),
				SiteFixtures.EVERYWHERE)
			.openedOn()).hasToString("2023-03-15");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'site.import' AND actor = :u")
			.param("u", huimin)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	List<List<Object>> mixedRows() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(row("乡镇（街道）社工站", "150103003", "光明路街道社工站", null, null, null, null, null, null, "运营中"));
		rows.add(row("乡镇（街道）社工站", "150103", "级别不对", null, null, null, null, null, null, "运营中"));
		rows.add(row("乡镇（街道）社工站", "150102001", "别人的", null, null, null, null, null, null, "运营中"));
		rows.add(row("乡镇（街道）社工站", "150103003", "重复", null, null, null, null, null, null, "运营中"));
		rows.add(row("社工站", "150103004", "类型不对", null, "电话", null, null, null, null, "开张"));
		rows.add(row());
		rows.add(row("乡镇（街道）社工站", "150103005", "环河街街道社工站", null, null, null, null, null, null, "运营中"));
		return rows;
	}

	@Test
	void allOrNothingStoresNothingAndReportsEveryCell() throws Exception {
		long before = sitesIn150103();
		mvc.perform(multipart("/api/sites/import").file(file(filled(mixedRows())))
			.param("mode", "ALL")
			.with(TestAccounts.as(huimin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REJECTED"))
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.errorRows").value(4))
			.andExpect(jsonPath("$.problem").value(containsString("没有保存任何数据")))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("B"))
			.andExpect(jsonPath("$.errors[0].header").value("区划代码"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("应设在乡级（乡镇街道）区划上")))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].message").value("区划 150102001 不在您的管辖范围内"))
			.andExpect(jsonPath("$.errors[2].row").value(5))
			.andExpect(jsonPath("$.errors[2].message").value(containsString("在文件中有不止一个")))
			.andExpect(jsonPath("$.errors[*].column").value(hasItem("A")))
			.andExpect(jsonPath("$.errors[*].column").value(hasItem("J")));
		assertThat(sitesIn150103()).isEqualTo(before);
	}

	@Test
	void validRowsOnly() throws Exception {
		long before = sitesIn150103();
		mvc.perform(multipart("/api/sites/import").file(file(filled(mixedRows())))
			.param("mode", "VALID")
			.with(TestAccounts.as(huimin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("SUCCEEDED"))
			.andExpect(jsonPath("$.stored").value(2))
			.andExpect(jsonPath("$.errorRows").value(4));
		assertThat(sitesIn150103()).isEqualTo(before + 2);
		// the same file again: both regions are taken now
		mvc.perform(multipart("/api/sites/import").file(file(filled(mixedRows())))
			.param("mode", "VALID")
			.with(TestAccounts.as(huimin)))
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("已有未撤销的乡镇（街道）社工站")));
	}

	@Test
	void brokenFilesAreRefusedWithAClearMessage() throws Exception {
		long before = sitesIn150103();
		byte[] noise = new byte[2048];
		new Random(7).nextBytes(noise);
		noise[0] = 'x';
		mvc.perform(multipart("/api/sites/import").file(file(noise)).with(TestAccounts.as(huimin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("不是 Excel 工作簿")));
		mvc.perform(multipart("/api/sites/import").file(file(new byte[0])).with(TestAccounts.as(huimin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("空的")));
		mvc.perform(multipart("/api/sites/import")
			.file(new MockMultipartFile("file", "阵地.csv", "text/csv", "阵地类型,区划代码\n".getBytes()))
			.with(TestAccounts.as(huimin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("不是 .xlsx 文件")));
		mvc.perform(multipart("/api/sites/import").with(TestAccounts.as(huimin))).andExpect(status().isBadRequest());

		ByteArrayOutputStream wrongHeader = new ByteArrayOutputStream();
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			XSSFRow header = wb.createSheet("阵地").createRow(0);
			header.createCell(0).setCellValue("类型");
			header.createCell(1).setCellValue("区划代码");
			wb.write(wrongHeader);
		}
		mvc.perform(multipart("/api/sites/import").file(file(wrongHeader.toByteArray())).with(TestAccounts.as(huimin)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("缺少列“阵地类型”")))
			.andExpect(jsonPath("$.detail").value(containsString("多出列“类型”（A 列）")));
		assertThat(sitesIn150103()).isEqualTo(before);
	}

	@Test
	void pageShowsTheJobOrTheRefusal() throws Exception {
		byte[] file = filled(List.of(row("乡镇（街道）社工站", "150103006", "通道街街道社工站", null, null, null, null, null, null,
				"运营中"), row("乡镇（街道）社工站", "150103007", "钢铁路街道社工站", null, "x", null, null, null, null, "运营中")));
		String html = mvc.perform(multipart("/sites/import").file(file(file))
			.param("mode", "VALID")
			.header("HX-Request", "true")
			.with(csrf())
			.with(TestAccounts.as(huimin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-job\"")))
			.andExpect(content().string(containsString("data-state=\"SUCCEEDED\"")))
			.andExpect(content().string(containsString("已保存 1 行")))
			.andExpect(content().string(containsString("联系电话")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher job = java.util.regex.Pattern.compile("data-job=\"([^\"]+)\"").matcher(html);
		assertThat(job.find()).isTrue();
		// polling answers the job alone, for its owner only
		mvc.perform(get("/sites/import/jobs/{id}", job.group(1)).with(TestAccounts.as(huimin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s)\\s*<div id=\"import-job\".*")))
			.andExpect(content().string(containsString("已保存 1 行")));
		String colleague = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150103");
		mvc.perform(get("/sites/import/jobs/{id}", job.group(1)).with(TestAccounts.as(colleague)))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/sites/import").file(file("PK\u0003\u0004 not really".getBytes()))
			.header("HX-Request", "true")
			.with(csrf())
			.with(TestAccounts.as(huimin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-rejected\"")))
			.andExpect(content().string(containsString("文件已损坏")));
		String leader = TestAccounts.create(accounts, Role.LEADER, "150103");
		mvc.perform(multipart("/sites/import").file(file(file)).with(csrf()).with(TestAccounts.as(leader)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/sites/import/jobs/{id}", "no-such-job").with(TestAccounts.as(huimin)))
			.andExpect(status().isNotFound());
	}

}
