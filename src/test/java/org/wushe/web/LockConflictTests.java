package org.wushe.web;

import static org.hamcrest.Matchers.containsString;
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

/**
 * A write that loses a lock wait (a deadlock the database broke, or a lock not had in time) answers 503 in Chinese,
 * saying that nothing was saved and that it may be sent again, with {@code Retry-After}: not a server error.
 */
@IntegrationTest
@Import(LockConflictTests.Losers.class)
class LockConflictTests {

	/** Endpoints that fail as a write that lost its lock wait would. */
	@RestController
	static class Losers {

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
	void theApiAnswersServiceUnavailableWithRetryAfter() throws Exception {
		String admin = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/api/test-lock-conflict/deadlock").with(TestAccounts.as(admin)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.detail").value(text("error.lock-conflict")));
	}

	@Test
	void aPageAnswersWithTheErrorPage() throws Exception {
		String admin = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		mvc.perform(get("/test-lock-conflict/timeout").with(TestAccounts.as(admin)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString(text("error.lock-conflict"))));
	}

	private String text(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

}
