package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * API tokens: created once and stored hashed, used as {@code Authorization: Bearer}, narrowed to their permissions
 * and addresses, refused when expired or revoked, and every use and refusal audited under the token's name.
 */
@IntegrationTest
class ApiTokenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	static String tomorrow() {
		return LocalDate.now().plusDays(1).toString();
	}

	ResultActions create(String user, String json) throws Exception {
		return mvc.perform(post("/api/tokens").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	String token(String user, String json) throws Exception {
		String body = create(user, json).andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header("Authorization", "Bearer " + token);
	}

	long audited(String actor, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = :a AND action = :action")
			.param("a", actor)
			.param("action", action)
			.query(Long.class)
			.single();
	}

	@Test
	void theExpiryIsADayWrittenAnyUsualWayOrAnInstantWithItsOffset() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		LocalDate next = LocalDate.now().plusYears(1);
		for (String accepted : new String[] { next.toString(),
				"%d/%d/%d".formatted(next.getYear(), next.getMonthValue(), next.getDayOfMonth()),
				"%d年%d月%d日".formatted(next.getYear(), next.getMonthValue(), next.getDayOfMonth()),
				next + "T10:00+08:00" }) {
			create(user, "{\"name\":\"有效期\",\"expiresAt\":\"%s\"}".formatted(accepted))
				.andExpect(status().isCreated());
		}
		// an instant without its offset, or no date at all, names no moment: refused naming the field
		for (String refused : new String[] { next + "T10:00", "下个月", "2099-02-30" }) {
			create(user, "{\"name\":\"有效期\",\"expiresAt\":\"%s\"}".formatted(refused))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("expiresAt"))
				.andExpect(jsonPath("$.detail").value(containsString("格式不对")));
		}
		create(user, "{\"name\":\"有效期\",\"expiresAt\":\"2020/1/1\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("已过")));
	}

	@Test
	void aTokenIsShownOnceStoredHashedAndActsAsItsOwnerWithEachUseAudited() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String token = token(user, """
				{"name":"统计对接","expiresAt":"%s"}""".formatted(tomorrow()));
		assertThat(token).startsWith("wst_").hasSizeGreaterThan(40);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :h")
			.param("h", ApiTokens.hash(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash LIKE :t")
			.param("t", "%" + token.substring(4, 20) + "%")
			.query(Long.class)
			.single()).as("the secret itself is not stored").isZero();

		mvc.perform(bearer(get("/api/accounts/me"), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(user));
		// a write by token needs no CSRF token and no session
		mvc.perform(bearer(post("/api/tokens").contentType(MediaType.APPLICATION_JSON), token)
			.content("{\"name\":\"second\",\"expiresAt\":\"%s\"}".formatted(tomorrow())))
			.andExpect(status().isCreated())
			.andExpect(result -> assertThat(result.getRequest().getSession(false)).isNull());
		assertThat(audited(user + "/统计对接", "api.token.use")).isEqualTo(2);

		// listed without the secret
		mvc.perform(get("/api/tokens").with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].name").value("统计对接"))
			.andExpect(jsonPath("$[1].token").doesNotExist());
	}

	@Test
	void revokedExpiredUnknownWrongAddressAndOverPermissionTokensAreRefusedAndAudited() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String readOnly = token(user, """
				{"name":"只读","expiresAt":"%s","permissions":["region:view"]}""".formatted(tomorrow()));
		mvc.perform(bearer(get("/api/regions/150102"), readOnly)).andExpect(status().isOk());
		mvc.perform(bearer(get("/api/accounts").param("within", "150102"), readOnly))
			.andExpect(status().isForbidden());
		assertThat(audited(user + "/只读", "api.token.refused")).isEqualTo(1);
		mvc.perform(bearer(get("/api/accounts/me"), readOnly))
			.andExpect(jsonPath("$.permissions.length()").value(1));

		String elsewhere = token(user, """
				{"name":"固定地址","expiresAt":"%s","allowedIps":["10.1.2.0/24"]}""".formatted(tomorrow()));
		mvc.perform(bearer(get("/api/regions/150102"), elsewhere)).andExpect(status().isForbidden());
		mvc.perform(bearer(get("/api/regions/150102"), elsewhere).with(r -> {
			r.setRemoteAddr("10.1.2.7");
			return r;
		})).andExpect(status().isOk());
		assertThat(audited(user + "/固定地址", "api.token.refused")).isEqualTo(1);

		String revoked = token(user, """
				{"name":"已撤销","expiresAt":"%s"}""".formatted(tomorrow()));
		mvc.perform(bearer(get("/api/regions/150102"), revoked)).andExpect(status().isOk());
		long id = jdbc.sql("SELECT id FROM api_token WHERE name = '已撤销'").query(Long.class).single();
		mvc.perform(delete("/api/tokens/{id}", id).with(TestAccounts.as(user))).andExpect(status().isNoContent());
		mvc.perform(bearer(get("/api/regions/150102"), revoked)).andExpect(status().isUnauthorized());
		assertThat(audited(user + "/已撤销", "api.token.refused")).isEqualTo(1);

		String expiring = token(user, """
				{"name":"过期","expiresAt":"%s"}""".formatted(tomorrow()));
		jdbc.sql("UPDATE api_token SET expires_at = expires_at - INTERVAL '3' DAY WHERE name = '过期'").update();
		mvc.perform(bearer(get("/api/regions/150102"), expiring)).andExpect(status().isUnauthorized());
		assertThat(audited(user + "/过期", "api.token.refused")).isEqualTo(1);

		long before = audited("anonymous", "api.token.refused");
		mvc.perform(bearer(get("/api/regions/150102"), "wst_" + "x".repeat(43)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		assertThat(audited("anonymous", "api.token.refused")).isEqualTo(before + 1);
	}

	@Test
	void aTokenHoldsOnlyTheOwnersPermissionsAndOnlyAnAdministratorMakesOnesForOthers() throws Exception {
		String worker = TestAccounts.create(accounts, Role.STATION_WORKER, "150102001");
		create(worker, """
				{"name":"越权","expiresAt":"%s","permissions":["account:manage"]}""".formatted(tomorrow()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("account:manage")));
		create(worker, """
				{"name":"","expiresAt":"%s"}""".formatted(tomorrow())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("名称")));
		create(worker, """
				{"name":"过去","expiresAt":"2020-01-01"}""").andExpect(status().isBadRequest());
		create(worker, """
				{"name":"地址","expiresAt":"%s","allowedIps":["10.1.2.300"]}""".formatted(tomorrow()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("10.1.2.300")));

		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		create(county, """
				{"name":"代建","expiresAt":"%s","username":"%s"}""".formatted(tomorrow(), worker))
			.andExpect(status().isForbidden());

		String admin = TestAccounts.create(accounts, Role.ADMIN, "00");
		String service = token(admin, """
				{"name":"数据交换","expiresAt":"%s","username":"%s"}""".formatted(tomorrow(), worker));
		mvc.perform(bearer(get("/api/accounts/me"), service)).andExpect(jsonPath("$.username").value(worker));
		// the owner sees it, and so does its creator, who may revoke it; others may not
		mvc.perform(get("/api/tokens").with(TestAccounts.as(worker))).andExpect(jsonPath("$.length()").value(1));
		long id = jdbc.sql("SELECT id FROM api_token WHERE name = '数据交换'").query(Long.class).single();
		mvc.perform(delete("/api/tokens/{id}", id).with(TestAccounts.as(county))).andExpect(status().isNotFound());
		mvc.perform(delete("/api/tokens/{id}", id).with(TestAccounts.as(admin))).andExpect(status().isNoContent());
		mvc.perform(bearer(get("/api/accounts/me"), service)).andExpect(status().isUnauthorized());
	}

	@Test
	void theTokensPageCreatesATokenShownOnceAndRevokesIt() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/account/tokens").with(TestAccounts.as(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"token-form\"")))
			.andExpect(content().string(containsString("value=\"region:view\"")));
		mvc.perform(post("/account/tokens").with(TestAccounts.as(user)).with(csrf()).param("name", "")
			.param("expiresAt", tomorrow()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"field-errors\"")));
		String page = mvc.perform(post("/account/tokens").with(TestAccounts.as(user)).with(csrf())
			.param("name", "报表同步")
			.param("expiresAt", tomorrow())
			.param("permissions", "region:view")
			.param("allowedIps", "10.1.2.3, 10.9.0.0/16"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = page.replaceAll("(?s).*id=\"new-token\">(wst_[^<]+)<.*", "$1");
		assertThat(token).startsWith("wst_").doesNotContain("<");
		mvc.perform(get("/account/tokens").with(TestAccounts.as(user)))
			.andExpect(content().string(containsString("报表同步")))
			.andExpect(content().string(containsString("10.9.0.0/16")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
		long id = jdbc.sql("SELECT id FROM api_token WHERE name = '报表同步'").query(Long.class).single();
		mvc.perform(post("/account/tokens/{id}/revoke", id).with(TestAccounts.as(user)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT revoked_by FROM api_token WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo(user);
	}

}
