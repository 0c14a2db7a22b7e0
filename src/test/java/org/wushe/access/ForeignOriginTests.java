package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * Another site's page cannot make a browser change anything, whether the browser holds a session or cached Basic
 * credentials; and the API does not ask browsers for Basic credentials in the first place.
 */
@IntegrationTest
class ForeignOriginTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Test
	void anUnauthenticatedApiCallGetsNoBasicChallenge() throws Exception {
		mvc.perform(get("/api/accounts/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("WWW-Authenticate"));
		// a client that did use Basic learns that its credentials failed
		mvc.perform(get("/api/accounts/me").with(httpBasic("nobody-" + System.nanoTime(), "wrong-password-x")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"Wushe\""));
	}

	@Test
	void aForeignPageCannotPostWithCachedBasicCredentials() throws Exception {
		String admin = TestAccounts.create(accounts, Role.ADMIN, "00");
		String user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		long id = accounts.list(new RegionScope(RegionCode.parse("150102")), RegionCode.parse("150102"), user, 0, 1)
			.get(0)
			.id();
		for (String[] header : List.of(new String[] { "Origin", "https://evil.example" },
				new String[] { "Origin", "null" }, new String[] { "Origin", "http://localhost.evil.example" },
				new String[] { "Referer", "https://evil.example/page.html" },
				new String[] { "Origin", "http://localhost:8081" })) {
			mvc.perform(post("/api/accounts/{id}/unlock", id).with(TestAccounts.as(admin))
				.header(header[0], header[1]))
				.andExpect(status().isForbidden());
		}
		// from Wushe's own pages, and from scripts (which send neither header), it works
		mvc.perform(post("/api/accounts/{id}/unlock", id).with(TestAccounts.as(admin))
			.header("Origin", "http://localhost"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/accounts/{id}/unlock", id).with(TestAccounts.as(admin))
			.header("Referer", "http://localhost/accounts"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/accounts/{id}/unlock", id).with(TestAccounts.as(admin))).andExpect(status().isOk());
		// reading is not changing
		mvc.perform(get("/api/accounts/me").with(TestAccounts.as(admin)).header("Origin", "https://evil.example"))
			.andExpect(status().isOk());
	}

	@Test
	void aForeignPageCannotPostAFormEvenWithAToken() throws Exception {
		mvc.perform(post("/login").with(csrf())
			.header("Origin", "https://evil.example")
			.param("username", "x")
			.param("password", "y")).andExpect(status().isForbidden());
	}

	@Test
	void configuredOriginsAreAllowed() {
		SameOriginFilter filter = new SameOriginFilter(List.of("https://wushe.example.gov.cn", " "), null);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/sites");
		request.addHeader("Origin", "https://WUSHE.example.gov.cn:443");
		assertThat(filter.fromHere(request)).isTrue();
		request = new MockHttpServletRequest("POST", "/api/sites");
		request.addHeader("Origin", "https://wushe.example.gov.cn.evil.example");
		assertThat(filter.fromHere(request)).isFalse();
		request = new MockHttpServletRequest("POST", "/api/sites");
		request.addHeader("Origin", "http://wushe.example.gov.cn");
		assertThat(filter.fromHere(request)).isFalse();
	}

}
