package org.wushe.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Creates accounts for tests, with unique names so that tests sharing a database never collide, and logs in as them
 * with HTTP Basic.
 */
public final class TestAccounts {

	public static final String PASSWORD = "test-password-1";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private TestAccounts() {
	}

	/** A ready-to-use account (its password need not be changed) on {@code region} with {@code role}. */
	public static String create(AccountService accounts, Role role, String region) {
		String username = role.name().toLowerCase().replace('_', '-') + "-" + System.nanoTime() % 100000 + "-"
				+ SEQUENCE.incrementAndGet();
		accounts.createSystemAccount(username, username, new RegionCode(region), role, PASSWORD, false);
		return username;
	}

	public static RequestPostProcessor as(String username) {
		return httpBasic(username, PASSWORD);
	}

}
