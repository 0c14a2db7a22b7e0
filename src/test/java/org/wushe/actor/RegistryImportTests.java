package org.wushe.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/** Imports of organizations and social workers, good and broken. */
@IntegrationTest
class RegistryImportTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> ORG_HEADER = List.of("名称", "统一社会信用代码", "类型", "所属区划代码", "法定代表人", "联系人", "联系电话",
			"地址", "服务领域", "登记日期", "状态");

	static final List<String> WORKER_HEADER = List.of("姓名", "性别", "身份证号", "手机号码", "职业资格", "证书编号", "所属区划代码", "岗位",
			"所在机构统一社会信用代码", "状态");

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
		tag = "表" + System.nanoTime() % 1000000;
	}

	ResultActions upload(String api, byte[] bytes, String mode) throws Exception {
		return mvc.perform(multipart(api).file(new MockMultipartFile("file", "x.xlsx", XLSX, bytes))
			.param("mode", mode)
			.with(TestAccounts.as(county)));
	}

	long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE name LIKE :tag")
			.param("tag", tag + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void importsOrganizationsCheckingCreditCodes() throws Exception {
		String good = ActorTestData.creditCode("150102");
		String warned = ActorTestData.creditCodeFailingCheckDigit("150102");
		byte[] file = ActorWorkbooks.sheet("社会组织", List.of(ORG_HEADER,
				List.of(tag + "甲", good, "社会工作服务机构", "150102001", "张三", "李四", ActorTestData.mobile(), "新华大街 1 号",
						"养老服务、儿童关爱", "2020-05-01", "正常"),
				List.of(tag + "乙", warned, "行业组织/协会", "150102", "", "", "", "", "", "", ""),
				List.of(tag + "丙", good, "基金会", "150102", "", "", "", "", "跳舞", "2999-01-01", "")));
		upload("/api/organizations/import", file, "ALL").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REJECTED"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'B')].message").value(hasItem(containsString("第 2 行"))))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'I')].message").value(hasItem(containsString("跳舞"))))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'J')].message").value(hasItem(containsString("今天"))));
		assertThat(count("organization")).isZero();
		upload("/api/organizations/import", file, "VALID").andExpect(jsonPath("$.stored").value(2));
		assertThat(count("organization")).isEqualTo(2);
		mvc.perform(get("/api/organizations").param("q", tag).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[?(@.creditCode == '%s')].creditCodeWarning".formatted(warned)).value(hasItem(true)))
			.andExpect(jsonPath("$[?(@.creditCode == '%s')].serviceDomains[1]".formatted(good)).value(hasItem("CHILDREN")));
	}

	@Test
	void importsWorkersWithEmployersByCreditCode() throws Exception {
		String employer = ActorTestData.creditCode("150102");
		upload("/api/organizations/import", ActorWorkbooks.sheet("社会组织", List.of(ORG_HEADER,
				List.of(tag + "雇主", employer, "社会工作服务机构", "150102", "", "", "", "", "", "", ""))), "ALL")
			.andExpect(jsonPath("$.stored").value(1));
		String outside = ActorTestData.creditCode("150105");
		byte[] file = ActorWorkbooks.sheet("社会工作者", List.of(WORKER_HEADER,
				List.of(tag + "一", "女", ActorTestData.idNumber("150102"), ActorTestData.mobile(), "社会工作师", "Z1", "150102001",
						"驻站社工", employer, "在岗"),
				List.of(tag + "二", "男", ActorTestData.idNumber("150102"), "", "助理社会工作师", "", "150102", "督导", outside, ""),
				List.of(tag + "三", "未知", "123", "", "无", "", "150102", "", "", "")));
		upload("/api/workers/import", file, "VALID").andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(1))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].column").value(hasItem("F")))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].column").value(hasItem("I")))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].column").value(hasItem("B")))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].column").value(hasItem("C")));
		mvc.perform(get("/api/workers").param("q", tag).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[0].employerName").value(tag + "雇主"))
			.andExpect(jsonPath("$[0].qualification").value("SOCIAL_WORKER"));
	}

	@Test
	void aWorkerImportRefusesIdNumbersRegisteredAlreadyOrRepeatedInTheFile() throws Exception {
		String first = ActorTestData.idNumber("150102");
		upload("/api/workers/import", ActorWorkbooks.sheet("社会工作者", List.of(WORKER_HEADER,
				List.of(tag + "甲", "女", first, "", "无", "", "150102", "", "", ""))), "ALL")
			.andExpect(jsonPath("$.stored").value(1));
		String second = ActorTestData.idNumber("150102");
		upload("/api/workers/import", ActorWorkbooks.sheet("社会工作者", List.of(WORKER_HEADER,
				List.of(tag + "乙", "男", first, "", "无", "", "150102", "", "", ""),
				List.of(tag + "丙", "男", second, "", "无", "", "150102", "", "", ""),
				List.of(tag + "丁", "女", second, "", "无", "", "150102", "", "", ""))), "VALID")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(1))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'C')].message").value(hasItem("该身份证号已登记")))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'C')].message")
				.value(hasItem(containsString("第 3 行"))));
		assertThat(count("social_worker")).isEqualTo(2);
	}

	@Test
	void templatesCarryInstructions() throws Exception {
		for (String base : List.of("/organizations", "/workers")) {
			byte[] xlsx = mvc.perform(get(base + "/import/template").with(TestAccounts.as(county)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(ActorWorkbooks.sheetNames(xlsx)).contains("填写说明");
		}
	}

}
