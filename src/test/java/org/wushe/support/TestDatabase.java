package org.wushe.support;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the database of the integration tests from the system property {@code wushe.test.db} ({@code h2} or
 * {@code postgres}). On PostgreSQL every test run gets its own schema, named once per JVM.
 */
public class TestDatabase implements ActiveProfilesResolver {

	static {
		if (System.getProperty("wushe.test.schema") == null) {
			String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
			System.setProperty("wushe.test.schema",
					"wushe_it_" + stamp + "_" + ThreadLocalRandom.current().nextInt(1000, 9999));
		}
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("wushe.test.db"));
	}

	@Override
	public String[] resolve(Class<?> testClass) {
		return isPostgres() ? new String[] { "test", "postgres", "pgtest" } : new String[] { "test" };
	}

}
