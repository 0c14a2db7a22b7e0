package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * A POST retried with the same {@code Idempotency-Key} gets the first answer again and creates nothing new; the key
 * belongs to its user and path, and a request still running answers 409.
 */
@IntegrationTest
class IdempotencyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	MockHttpServletRequestBuilder newAccount(String creator, String username) {
		return post("/api/accounts").with(TestAccounts.as(creator))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"社工","regionCode":"150102001","role":"STATION_WORKER","password":"initial-pass-1"}"""
				.formatted(username));
	}

	long accounts(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM account WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	@Test
	void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		String name = county + "-i";
		String first = mvc.perform(newAccount(county, name).header("Idempotency-Key", "k-" + county))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String again = mvc.perform(newAccount(county, name).header("Idempotency-Key", "k-" + county))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).isEqualTo(first);
		assertThat(accounts(name)).isEqualTo(1);
		long audited = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'account.create' AND actor = :a")
			.param("a", county)
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);

		// without the key the same request runs again (and is refused: the name is taken)
		mvc.perform(newAccount(county, name)).andExpect(status().is4xxClientError());
		// another user's request with the same key is their own
		String other = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(newAccount(other, other + "-i").header("Idempotency-Key", "k-" + county))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
	}

	@Test
	void aRetryWhileTheFirstStillRunsIsAConflict() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		jdbc.sql("""
				INSERT INTO idempotent_request (idem_key, username, method, path, status, created_at)
				VALUES ('running', :u, 'POST', '/api/accounts', 0, CURRENT_TIMESTAMP)
				""").param("u", county).update();
		mvc.perform(newAccount(county, county + "-r").header("Idempotency-Key", "running"))
			.andExpect(status().isConflict());
		assertThat(accounts(county + "-r")).isZero();
		mvc.perform(newAccount(county, county + "-r").header("Idempotency-Key", "x".repeat(201)))
			.andExpect(status().isBadRequest());
	}

}
