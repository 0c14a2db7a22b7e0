package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * Sessions kept in the database, as in production: a login is stored there and carried by its cookie alone, the
 * session id changes at login (no fixation), the cookie is HttpOnly, and CSRF protection still holds.
 */
@IntegrationTest
// a real server: the session cookie is then written with the settings of production
@SpringBootTest(properties = "spring.autoconfigure.exclude=", webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionStoreTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLoginLivesInTheDatabaseAndItsCookieCarriesItWithoutFixation() throws Exception {
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		// a session before login (the login page's CSRF token)
		MvcResult page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
		Cookie before = page.getResponse().getCookie("SESSION");
		assertThat(before).isNotNull();

		MvcResult login = mvc.perform(post("/login").cookie(before).with(csrf()).param("username", user)
			.param("password", TestAccounts.PASSWORD)).andExpect(redirectedUrl("/")).andReturn();
		Cookie after = login.getResponse().getCookie("SESSION");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).as("a new session id at login").isNotEqualTo(before.getValue());
		assertThat(login.getResponse().getHeaders("Set-Cookie")).anySatisfy(
				header -> assertThat(header).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u")
			.param("u", user)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the cookie alone carries the login; the old id does not
		mvc.perform(get("/api/accounts/me").cookie(after))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(user));
		mvc.perform(get("/api/accounts/me").cookie(before)).andExpect(status().isUnauthorized());

		// CSRF still guards the session: logging out without the token is refused
		mvc.perform(post("/logout").cookie(after).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		mvc.perform(get("/api/accounts/me").cookie(after)).andExpect(status().isOk());
		mvc.perform(post("/logout").cookie(after).with(csrf()).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/api/accounts/me").cookie(after)).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u")
			.param("u", user)
			.query(Long.class)
			.single()).isZero();
	}

}
