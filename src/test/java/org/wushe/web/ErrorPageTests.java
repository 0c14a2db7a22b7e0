package org.wushe.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import static org.hamcrest.Matchers.containsString;

/**
 * Pages answer failures with the error page, in Chinese, with the status and the reason. A write that loses a lock
 * wait (a deadlock the database broke, or a lock not had in time) answers 503, saying that nothing was saved and that
 * it may be sent again, with {@code Retry-After}: not a server error.
 */
@IntegrationTest
@Import(ErrorPageTests.LockLosers.class)
class ErrorPageTests {

	/** Endpoints that fail as a write that lost its lock wait would. */
	@RestController
	static class LockLosers {

		@GetMapping("/api/test-lock-conflict/deadlock")
		void deadlock() {
			throw new DeadlockLoserDataAccessException("deadlock detected", null);
		}

		@GetMapping("/test-lock-conflict/timeout")
		void timeout() {
			throw new CannotAcquireLockException("lock wait timeout");
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	MessageSource messages;

	@Test
	void aRegionOutsideTheScopeShowsTheNotFoundPage() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/regions/150105").with(TestAccounts.as(county)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString(text("error.title.404"))))
			.andExpect(content().string(containsString(text("region.error.unknown", "150105"))));
	}

	@Test
	void aMalformedRegionCodeShowsTheBadRequestPage() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/regions/15x").with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(text("error.title.400"))))
			.andExpect(content().string(containsString(text("region.error.malformed", "15x"))));
	}

	@Test
	void errorPagesKeepTheUsersMenu() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		for (String path : new String[] { "/regions/150105", "/no-such-page" }) {
			mvc.perform(get(path).with(TestAccounts.as(county)))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("id=\"current-user\"")))
				.andExpect(content().string(containsString("id=\"logout\"")))
				.andExpect(content().string(containsString("href=\"/regions\"")));
		}
	}

	@Test
	void anonymousErrorPagesHaveNoUserMenu() throws Exception {
		mvc.perform(get("/public/sites/999999999"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"current-user\""))));
	}

	@Test
	void aLostLockWaitAnswersServiceUnavailableWithRetryAfter() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/api/test-lock-conflict/deadlock").with(TestAccounts.as(county)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.detail").value(text("error.lock-conflict")));
		mvc.perform(get("/test-lock-conflict/timeout").with(TestAccounts.as(county)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString(text("error.lock-conflict"))));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
