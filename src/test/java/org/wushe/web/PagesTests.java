package org.wushe.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/** The pages of the foundation, as each role sees them. */
@IntegrationTest
class PagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Test
	void menusShowOnlyWhatTheRoleMayDo() throws Exception {
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(get("/").with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/regions\"")))
			.andExpect(content().string(not(containsString("href=\"/accounts\""))))
			.andExpect(content().string(not(containsString("href=\"/audit\""))));
		mvc.perform(get("/accounts").with(TestAccounts.as(leader))).andExpect(status().isForbidden());
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/").with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("href=\"/accounts\"")))
			.andExpect(content().string(containsString("href=\"/audit\"")));
		mvc.perform(get("/accounts").with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("id=\"new-account\"")));
	}

	@Test
	void theAccountFormShowsFieldErrorsAndTheGeneratedPasswordOnce() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(post("/accounts").with(TestAccounts.as(county))
			.with(csrf())
			.param("username", "x")
			.param("displayName", "")
			.param("regionCode", "150105001")
			.param("role", "STATION_WORKER")
			.param("password", "123"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("用户名：须为 3–64 位")))
			.andExpect(content().string(containsString("所属区划：区划“150105001”不在您的管辖范围内")))
			.andExpect(content().string(containsString("密码：至少需要 10 个字符")));
		String name = "page-" + System.nanoTime();
		mvc.perform(post("/accounts").with(TestAccounts.as(county))
			.with(csrf())
			.param("username", name)
			.param("displayName", "社工甲")
			.param("regionCode", "150102001")
			.param("role", "STATION_WORKER")
			.param("password", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"generated-password\"")));
		mvc.perform(get("/accounts").param("q", name).with(TestAccounts.as(county)))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("待修改密码")));
	}

	@Test
	void theAuditPageFiltersByUserActionAndDate() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String other = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		mvc.perform(get("/api/accounts/me").with(TestAccounts.as(other))).andExpect(status().isOk());
		mvc.perform(get("/audit").param("actor", other).param("action", "login.success")
			.with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("登录成功")))
			.andExpect(content().string(containsString(other)));
		mvc.perform(get("/audit").param("actor", other).param("from", "2000-01-01").param("to", "2000-01-02")
			.with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("没有符合条件的记录")));
		mvc.perform(get("/audit").param("from", "not-a-date").with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("参数“from”格式不正确")));
	}

	@Test
	void openApiDocumentsTheApi() throws Exception {
		String leader = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(get("/api/docs").with(TestAccounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/regions/{code}']").exists())
			.andExpect(jsonPath("$.paths['/api/accounts']").exists());
	}

	@Test
	void unknownPagesAnswerTheNotFoundPage() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/no-such-page").with(TestAccounts.as(county)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("未找到")));
	}

}
