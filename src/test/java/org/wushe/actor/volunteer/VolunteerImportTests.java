package org.wushe.actor.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.actor.ActorTestData;
import org.wushe.actor.ActorWorkbooks;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

@IntegrationTest
class VolunteerImportTests {

	static final List<String> HEADER = List.of("姓名", "身份证号", "手机号码", "所属区划代码", "所属队伍", "技能特长", "状态");

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String county;

	String tag;

	@BeforeEach
	void setUp() {
		county = logins.county();
		tag = "导" + System.nanoTime() % 100000;
	}

	List<String> row(String name, String idNumber, String region) {
		return List.of(name, idNumber, ActorTestData.mobile(), region, "青年志愿服务队", "急救，手语", "正常");
	}

	ResultActions upload(byte[] bytes, String fileName, String mode) throws Exception {
		return mvc.perform(multipart("/api/volunteers/import")
			.file(new MockMultipartFile("file", fileName, XLSX, bytes))
			.param("mode", mode)
			.with(TestAccounts.as(county)));
	}

	long stored() {
		return jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE name LIKE :tag")
			.param("tag", tag + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void importsValidRowsWithGeneratedNumbersAndAudit() throws Exception {
		List<List<String>> rows = new ArrayList<>(List.of(HEADER));
		for (int i = 0; i < 3; i++) {
			rows.add(row(tag + i, ActorTestData.idNumber("150102"), "150102001"));
		}
		upload(ActorWorkbooks.sheet("志愿者", rows), "名册.xlsx", "ALL").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("SUCCEEDED"))
			.andExpect(jsonPath("$.stored").value(3));
		assertThat(stored()).isEqualTo(3);
		List<String> numbers = jdbc.sql("SELECT volunteer_number FROM volunteer WHERE name LIKE :tag")
			.param("tag", tag + "%")
			.query(String.class)
			.list();
		assertThat(numbers).hasSize(3).allMatch(n -> n.matches("150102\\d{8}")).doesNotHaveDuplicates();
		mvc.perform(get("/api/audit").param("action", "volunteer.import").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].detail", hasItem("rows=3")));
	}

	@Test
	void allOrNothingStoresNothingWhenARowIsWrong() throws Exception {
		String good = ActorTestData.idNumber("150102");
		String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
		String duplicate = ActorTestData.idNumber("150102");
		List<List<String>> rows = List.of(HEADER, row(tag + "a", good, "150102001"), row(tag + "b", badCheck, "150102"),
				row(tag + "c", duplicate, "150105"), row(tag + "d", duplicate, "150102"),
				List.of(tag + "e", ActorTestData.idNumber("150102"), "12345", "150102", "", "", "休假"));
		upload(ActorWorkbooks.sheet("志愿者", rows), "名册.xlsx", "ALL").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REJECTED"))
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.problem").value(containsString("没有保存任何数据")))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].column").value(hasItem("B")))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].message").value(hasItem(containsString("校验码"))))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].column").value(hasItem("D")))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].message").value(hasItem(containsString("管辖范围"))))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].message").value(hasItem(containsString("第 4 行"))))
			.andExpect(jsonPath("$.errors[?(@.row == 6)].column").value(hasItem("C")))
			.andExpect(jsonPath("$.errors[?(@.row == 6)].column").value(hasItem("G")));
		assertThat(stored()).isZero();
	}

	@Test
	void validRowsOnlyStoresTheGoodOnes() throws Exception {
		String good = ActorTestData.idNumber("150102");
		List<List<String>> rows = List.of(HEADER, row(tag + "a", good, "150102001"),
				row(tag + "b", "150102199902301234", "150102"), row(tag + "c", ActorTestData.idNumber("150102"), "150102"));
		upload(ActorWorkbooks.sheet("志愿者", rows), "名册.xlsx", "VALID").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("SUCCEEDED"))
			.andExpect(jsonPath("$.stored").value(2))
			.andExpect(jsonPath("$.errorRows").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("出生日期")));
		assertThat(stored()).isEqualTo(2);
		// importing the same file again: the two are already registered
		upload(ActorWorkbooks.sheet("志愿者", rows), "名册.xlsx", "VALID")
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.errors[?(@.row == 2)].message").value(hasItem(containsString("已登记"))));
		assertThat(stored()).isEqualTo(2);
	}

	@Test
	void refusesWrongFilesWithClearMessages() throws Exception {
		byte[] good = ActorWorkbooks.sheet("志愿者", List.of(HEADER, row(tag, ActorTestData.idNumber("150102"), "150102")));
		upload("姓名,身份证号\n张三,1\n".getBytes(), "名册.xlsx", "ALL").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("不是 Excel 工作簿")));
		upload(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 },
				"名册.xls", "ALL")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString(".xls")));
		upload(ActorWorkbooks.withMacro(good), "名册.xlsx", "ALL").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("宏")));
		upload(good, "名册.csv", "ALL").andExpect(status().isBadRequest());
		byte[] wrongLayout = ActorWorkbooks.sheet("志愿者",
				List.of(List.of("姓名", "手机号码", "所属区划代码"), List.of(tag, ActorTestData.mobile(), "150102")));
		upload(wrongLayout, "名册.xlsx", "ALL").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("身份证号")));
		upload(ActorWorkbooks.sheet("志愿者", List.of(HEADER)), "名册.xlsx", "ALL")
			.andExpect(jsonPath("$.problem").value(containsString("没有数据行")));
		mvc.perform(multipart("/api/volunteers/import").with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("空")));
		assertThat(stored()).isZero();
	}

	@Test
	void offersATemplateWithInstructions() throws Exception {
		byte[] template = mvc.perform(get("/volunteers/import/template").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(ActorWorkbooks.sheetNames(template)).containsExactly("志愿者", "填写说明");
		assertThat(ActorWorkbooks.read(template).get(0)).containsExactly("姓名*", "身份证号*", "手机号码", "所属区划代码*",
				"所属队伍", "技能特长", "状态");
	}

	@Test
	void pagesShowProgressAndRefusals() throws Exception {
		mvc.perform(get("/volunteers/import").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("import-form")));
		byte[] good = ActorWorkbooks.sheet("志愿者", List.of(HEADER, row(tag, ActorTestData.idNumber("150102"), "150102")));
		mvc.perform(multipart("/volunteers/import").file(new MockMultipartFile("file", "名册.xlsx", XLSX, good))
			.param("mode", "ALL")
			.header("HX-Request", "true")
			.with(TestAccounts.as(county))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-state=\"SUCCEEDED\"")));
		mvc.perform(multipart("/volunteers/import")
			.file(new MockMultipartFile("file", "名册.xlsm", XLSX, good))
			.header("HX-Request", "true")
			.with(TestAccounts.as(county))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("import-refused")))
			.andExpect(content().string(containsString("宏")));
		assertThat(stored()).isEqualTo(1);
	}

}
