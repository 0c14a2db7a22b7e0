package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.region.RegionCode;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Test
	void fiveFailuresLockTheAccountForFifteenMinutes() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).param("username", user).param("password", "wrong-password-x"))
				.andExpect(redirectedUrl("/login?error"));
		}
		// the right password no longer works, by form or by Basic
		mvc.perform(post("/login").with(csrf()).param("username", user).param("password", TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/api/accounts/me").with(TestAccounts.as(user))).andExpect(status().isUnauthorized());
		var view = accounts.list(new org.wushe.region.RegionScope(RegionCode.parse("150102")),
				RegionCode.parse("150102"), user, 0, 1).get(0);
		assertThat(view.locked()).isTrue();
		// failures and the lock are audited with the source address
		String admin = TestAccounts.create(accounts, Role.ADMIN, "00");
		mvc.perform(get("/api/audit").param("actor", user).param("action", "login.failure")
			.with(TestAccounts.as(admin)))
			.andExpect(jsonPath("$.length()").value(7))
			.andExpect(jsonPath("$[0].sourceAddress").value("127.0.0.1"));
		// an administrator unlocks it
		mvc.perform(post("/api/accounts/{id}/unlock", view.id()).with(TestAccounts.as(admin)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/accounts/me").with(TestAccounts.as(user))).andExpect(status().isOk());
	}

	@Test
	void fourFailuresThenSuccessResetTheCount() throws Exception {
		String user = TestAccounts.create(accounts, Role.LEADER, "15");
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				mvc.perform(get("/api/accounts/me").with(httpBasic(user, "wrong-password-x")))
					.andExpect(status().isUnauthorized());
			}
			mvc.perform(get("/api/accounts/me").with(TestAccounts.as(user))).andExpect(status().isOk());
		}
	}

	/** Credentials that do not hold answer 401 on pages too, with the Basic challenge, not an empty 200. */
	@Test
	void wrongBasicCredentialsOnAPageAnswer401() throws Exception {
		mvc.perform(get("/regions").with(httpBasic("nobody-" + System.nanoTime(), "wrong-password-x")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
	}

	@Test
	void successfulLoginsAreAudited() throws Exception {
		String user = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		mvc.perform(post("/login").with(csrf()).param("username", user).param("password", TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/api/audit").param("actor", user).param("action", "login.success")
			.with(TestAccounts.as(user)))
			.andExpect(jsonPath("$[*].regionCode", hasItem("1501")))
			.andExpect(jsonPath("$[*].sourceAddress", hasItem("127.0.0.1")));
	}

	@Test
	void aPasswordSetBySomeoneElseMustBeChangedFirst() throws Exception {
		String manager = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String name = "forced-" + System.nanoTime();
		mvc.perform(post("/api/accounts").with(TestAccounts.as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"社工","regionCode":"150102001","role":"STATION_WORKER","password":"initial-pass-1"}"""
				.formatted(name)))
			.andExpect(status().isCreated());

		// the API refuses everything but the change endpoint
		mvc.perform(get("/api/regions/150102001").with(httpBasic(name, "initial-pass-1")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("修改密码")));

		// the UI sends the user to the change page
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("username", name)
			.param("password", "initial-pass-1"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/regions").session(session)).andExpect(redirectedUrl("/account/password"));

		// a weak new password is refused with a message naming the field
		mvc.perform(post("/api/accounts/me/password").with(httpBasic(name, "initial-pass-1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"currentPassword":"initial-pass-1","newPassword":"1234567890123"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newPassword"))
			.andExpect(jsonPath("$.detail").value(containsString("新密码")));
		mvc.perform(post("/api/accounts/me/password").with(httpBasic(name, "initial-pass-1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"currentPassword":"initial-pass-1","newPassword":"short"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("10")));

		// the session changes it through the page and carries on
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", "initial-pass-1")
			.param("newPassword", "my-own-pass-2")
			.param("confirmPassword", "my-own-pass-2"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/regions").session(session)).andExpect(redirectedUrl("/regions/150102001"));
		mvc.perform(get("/api/regions/150102001").with(httpBasic(name, "my-own-pass-2")))
			.andExpect(status().isOk());
	}

	@Test
	void passwordsNeverReachTheLog(CapturedOutput output) throws Exception {
		String manager = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String secret = "Zq7-secret-" + System.nanoTime();
		mvc.perform(post("/api/accounts").with(TestAccounts.as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"logcheck-%d","displayName":"x","regionCode":"150102001","role":"STATION_WORKER","password":"%s"}"""
				.formatted(System.nanoTime(), secret)))
			.andExpect(status().isCreated());
		mvc.perform(post("/login").with(csrf()).param("username", manager).param("password", secret))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/api/accounts/me").with(httpBasic(manager, secret))).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/accounts/me/password").with(TestAccounts.as(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + secret + "\",\"newPassword\":\"" + secret + "x\"}"))
			.andExpect(status().isBadRequest());
		assertThat(output.getAll()).doesNotContain(secret);
	}

	@Test
	void apiErrorsAreChineseProblemDetails() throws Exception {
		mvc.perform(get("/api/regions/15"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("WWW-Authenticate"))
			.andExpect(jsonPath("$.detail").value(containsString("登录")));
		String user = TestAccounts.create(accounts, Role.LEADER, "15");
		mvc.perform(get("/api/accounts").with(TestAccounts.as(user)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("权限")));
		mvc.perform(get("/api/regions/99").with(TestAccounts.as(TestAccounts.create(accounts, Role.ADMIN, "00"))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("不存在")));
		mvc.perform(get("/api/regions/15x").with(TestAccounts.as(user)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("格式不正确")));
		mvc.perform(post("/api/accounts/me/password").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("JSON")));
	}

	@Test
	void pagesCarrySecurityHeadersAndNeedCsrf() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().exists("Content-Security-Policy"));
		mvc.perform(post("/login").param("username", "admin").param("password", "test-root-pass-7"))
			.andExpect(status().isForbidden());
	}

}
