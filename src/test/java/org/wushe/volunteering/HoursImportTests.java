package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestFiles;

/**
 * A project's hours from Excel through the shared import: the template, every problem reported by row and column in
 * Chinese, nothing stored when any row is wrong unless only the valid rows are asked for, overlaps within the file
 * and with recorded sessions refused. A sibling county and a township below get 404, a read-only leader 403.
 */
@IntegrationTest
class HoursImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	long project;

	long volunteer;

	String number;

	String other;

	String day = LocalDate.now().minusDays(3).toString();

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		VolunteeringFixtures f = new VolunteeringFixtures(mvc, user);
		project = f.project("150102", f.create("/api/volunteer-teams", "{\"name\":\"导入队\",\"regionCode\":\"150102\"}"),
				false);
		volunteer = f.volunteer("150102001");
		number = numberOf(volunteer);
		other = numberOf(f.volunteer("150102002"));
		// a recorded session the file must not overlap
		f.hours(project, volunteer, 3, 18, 60);
	}

	String numberOf(long id) {
		return jdbc.sql("SELECT volunteer_number FROM volunteer WHERE id = :id").param("id", id).query(String.class)
			.single();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM service_hours WHERE project_id = :p").param("p", project)
			.query(Long.class).single();
	}

	byte[] template() throws Exception {
		return mvc.perform(get("/volunteering/projects/{id}/import/template", project).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	byte[] filled(List<List<Object>> rows) throws Exception {
		return TestFiles.filled(template(), rows);
	}

	ResultActions upload(byte[] file, String mode, String as) throws Exception {
		return upload(file, mode, as, true);
	}

	/** Without htmx, a refusal keeps its own status (htmx gets 422 for any 4xx, to swap it in place). */
	ResultActions upload(byte[] file, String mode, String as, boolean htmx) throws Exception {
		var request = multipart("/volunteering/projects/{id}/import", project)
			.file(new MockMultipartFile("file", "服务时长.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
			.param("mode", mode)
			.with(csrf())
			.with(TestAccounts.as(as));
		return mvc.perform(htmx ? request.header("HX-Request", "true") : request);
	}

	List<List<Object>> mixedRows() {
		return List.of(Arrays.asList(number, day, "09:00", "10:30", "陪伴聊天"),
				Arrays.asList(other, day, "09:00", 0.4375, "陪伴聊天"),
				Arrays.asList(number, day, "10:00", "11:00", "陪伴聊天"),
				Arrays.asList(other, day, "14:00", "13:00", "代购"),
				Arrays.asList("V-NONE", day, "08:00", "09:00", "代购"),
				Arrays.asList(number, day, "18:30", "19:30", "代购"),
				Arrays.asList(number, day, "8点", "20:30", ""));
	}

	@Test
	void theTemplateHasTheColumns() throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
			assertThat(wb.getSheetName(0)).isEqualTo("服务时长");
			XSSFRow header = wb.getSheetAt(0).getRow(0);
			assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
					header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue(),
					header.getCell(4).getStringCellValue()))
				.containsExactly("志愿者编号*", "服务日期*", "开始时间*", "结束时间*", "服务内容*");
		}
	}

	@Test
	void everyProblemIsReportedByRowAndColumnAndNothingIsStored() throws Exception {
		long before = count();
		upload(filled(mixedRows()), "ALL", user).andExpect(status().isOk())
			.andExpect(content().string(containsString("没有保存任何数据")))
			// row 4: inside the file, overlaps row 2
			.andExpect(content().string(containsString("与第 2 行同一志愿者的服务时间重叠")))
			// row 5: ends before it starts (D = 结束时间)
			.andExpect(content().string(containsString("结束时间")))
			// row 6: unknown volunteer number (A)
			.andExpect(content().string(containsString("志愿者编号“V-NONE”不存在")))
			// row 7: overlaps the recorded session, which is named
			.andExpect(content().string(containsString("重叠")))
			// row 8: not a time (C), no content (E)
			.andExpect(content().string(containsString("不是有效的时间")))
			.andExpect(content().string(containsString("<td>8</td>")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void onlyTheValidRowsWhenAskedAndExcelTimesAreRead() throws Exception {
		long before = count();
		upload(filled(mixedRows()), "VALID", user).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-state=\"SUCCEEDED\"")))
			.andExpect(content().string(containsString("已保存 2 行")));
		assertThat(count()).isEqualTo(before + 2);
		// 0.4375 of a day is 10:30
		assertThat(jdbc.sql("SELECT minutes FROM service_hours WHERE project_id = :p AND volunteer_id <> :v")
			.param("p", project).param("v", volunteer).query(Integer.class).single()).isEqualTo(90);
	}

	@Test
	void aSiblingOrATownshipBelowGetsNotFoundAndALeaderIsForbidden() throws Exception {
		byte[] file = filled(List.of(Arrays.asList(number, day, "09:00", "10:00", "陪伴聊天")));
		long before = count();
		String sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		String township = TestAccounts.create(accounts, Role.TOWNSHIP_STAFF, "150102001");
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		for (String as : List.of(sibling, township)) {
			mvc.perform(get("/volunteering/projects/{id}/import", project).with(TestAccounts.as(as)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/volunteering/projects/{id}/import/template", project).with(TestAccounts.as(as)))
				.andExpect(status().isNotFound());
			upload(file, "ALL", as, false).andExpect(status().isNotFound());
		}
		mvc.perform(get("/volunteering/projects/{id}/import", project).with(TestAccounts.as(leader)))
			.andExpect(status().isForbidden());
		upload(file, "ALL", leader, false).andExpect(status().isForbidden());
		assertThat(count()).isEqualTo(before);
		upload(file, "ALL", user).andExpect(content().string(containsString("已保存 1 行")));
		assertThat(count()).isEqualTo(before + 1);
	}


	ResultActions apiUpload(long id, byte[] file, String mode, String as) throws Exception {
		return mvc.perform(multipart("/api/projects/{id}/hours/import", id)
			.file(new MockMultipartFile("file", "服务时长.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
			.param("mode", mode)
			.with(TestAccounts.as(as)));
	}

	@Test
	void theApiAnswersRowAndColumnErrorsLikeThePageAndStoresAllOrNothing() throws Exception {
		long before = count();
		apiUpload(project, filled(mixedRows()), "ALL", user).andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REJECTED"))
			.andExpect(jsonPath("$.stored").value(0))
			// row 5: ends before it starts (D); row 6: unknown volunteer number (A); row 8: not a time (C)
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'D')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.row == 6 && @.column == 'A')].message")
				.value(org.hamcrest.Matchers.hasItem(containsString("V-NONE"))))
			.andExpect(jsonPath("$.errors[?(@.row == 8 && @.column == 'C')].message")
				.value(org.hamcrest.Matchers.hasItem(containsString("不是有效的时间"))));
		assertThat(count()).isEqualTo(before);
		String json = apiUpload(project, filled(mixedRows()), "VALID", user).andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(2))
			.andReturn().getResponse().getContentAsString();
		assertThat(count()).isEqualTo(before + 2);
		String job = com.jayway.jsonpath.JsonPath.read(json, "$.id");
		mvc.perform(get("/api/projects/{id}/hours/import/{job}", project, job).with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(2));
		// not a workbook: 400 naming the file, nothing stored
		apiUpload(project, "不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8), "ALL", user)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		assertThat(count()).isEqualTo(before + 2);
	}

	@Test
	void theApiImportOfASiblingsProjectIsNotFoundAndALeaderIsForbidden() throws Exception {
		byte[] file = filled(List.of(Arrays.asList(number, day, "09:00", "10:00", "陪伴聊天")));
		long before = count();
		String sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		apiUpload(project, file, "ALL", sibling).andExpect(status().isNotFound());
		apiUpload(project, file, "ALL", leader).andExpect(status().isForbidden());
		String json = apiUpload(project, file, "ALL", user).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String job = com.jayway.jsonpath.JsonPath.read(json, "$.id");
		mvc.perform(get("/api/projects/{id}/hours/import/{job}", project, job).with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		assertThat(count()).isEqualTo(before + 1);
	}

}
