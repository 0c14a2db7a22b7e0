package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * A password change ends the account's other sessions; usernames are one name whatever their case or width.
 */
@IntegrationTest
class AccountHardeningTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	private MockHttpSession login(String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("username", username)
			.param("password", password))
			.andExpect(redirectedUrl("/"));
		return session;
	}

	@Test
	void aPasswordChangeEndsTheOtherSessions() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		MockHttpSession laptop = login(user, TestAccounts.PASSWORD);
		MockHttpSession phone = login(user, TestAccounts.PASSWORD);
		MockHttpSession script = login(user, TestAccounts.PASSWORD);
		mvc.perform(get("/api/accounts/me").session(phone)).andExpect(status().isOk());

		mvc.perform(post("/account/password").session(laptop).with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "Fresh-river-83")
			.param("confirmPassword", "Fresh-river-83"))
			.andExpect(redirectedUrl("/"));

		// the session that changed it carries on; the others are signed out
		mvc.perform(get("/api/accounts/me").session(laptop)).andExpect(status().isOk());
		var page = mvc.perform(get("/regions").session(phone).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(302);
		assertThat(page.getRedirectedUrl()).endsWith("/login");
		assertThat(phone.isInvalid()).isTrue();
		mvc.perform(get("/api/accounts/me").session(script)).andExpect(status().isUnauthorized());
		// signing in again with the new password works
		MockHttpSession again = login(user, "Fresh-river-83");
		mvc.perform(get("/api/accounts/me").session(again)).andExpect(status().isOk());
	}

	@Test
	void aPasswordChangeOverTheApiEndsTheSessionsToo() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		MockHttpSession browser = login(user, TestAccounts.PASSWORD);
		mvc.perform(post("/api/accounts/me/password").with(TestAccounts.as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + TestAccounts.PASSWORD + "\",\"newPassword\":\"Other-hill-27\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/accounts/me").session(browser)).andExpect(status().isUnauthorized());
	}

	@Test
	void usernamesAreUniqueRegardlessOfCase() throws Exception {
		String admin = TestAccounts.create(accounts, Role.ADMIN, "00");
		String name = "Case-" + System.nanoTime() % 10_000_000;
		String body = """
				{"username":"%s","displayName":"社工","regionCode":"150102","role":"COUNTY_STAFF","password":"Initial-pass-41"}""";
		mvc.perform(post("/api/accounts").with(TestAccounts.as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(name)))
			.andExpect(status().isCreated());
		for (String other : new String[] { name.toLowerCase(), name.toUpperCase() }) {
			mvc.perform(post("/api/accounts").with(TestAccounts.as(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(other)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("username"));
		}
		assertThat(accounts.exists(name.toUpperCase())).isTrue();
		// full-width letters are the same name too
		assertThat(Account.key("ＡＤＭＩＮ")).isEqualTo(Account.key("admin"));
		// and the database holds to it whoever writes
		assertThatThrownBy(() -> accounts.createSystemAccount(name.toUpperCase(), "x",
				org.wushe.region.RegionCode.parse("150102"), Role.COUNTY_STAFF, TestAccounts.PASSWORD, false))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO account (username, username_key, display_name, region_code, role, password_hash,
				                     must_change_password, created_at)
				VALUES (:name, :key, 'x', '150102', 'COUNTY_STAFF', 'x', FALSE, :now)""")
			.param("name", name.toLowerCase())
			.param("key", name.toLowerCase())
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void loginIgnoresTheCaseOfTheName() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/api/accounts/me").with(httpBasic(user.toUpperCase(), TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(user));
		login(user.toUpperCase(), TestAccounts.PASSWORD);
	}

}
