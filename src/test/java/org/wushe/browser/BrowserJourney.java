package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Locale;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.region.RegionCode;

/**
 * What every browser journey sets up: the application on a random port, one {@link Chromium} per test class,
 * accounts with a known password, and the Chinese messages the pages show.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("browser")
abstract class BrowserJourney {

	static final String PASSWORD = "journey-pass-1";

	static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	MessageSource messages;

	@BeforeAll
	static void launch() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void close() {
		if (chromium != null) {
			chromium.close();
			chromium = null;
		}
	}

	/** What a journey does on one page. */
	@FunctionalInterface
	interface Steps {

		void run(Page page) throws Exception;

	}

	/** A short random text, so that names made by one run do not collide with those of another. */
	static String suffix() {
		return Long.toString(System.nanoTime() % 1_000_000, 36);
	}

	/** Creates an account of {@code role} in {@code region} with {@link #PASSWORD} and returns its user name. */
	String account(String username, String name, String region, Role role) {
		accounts.createSystemAccount(username, name, new RegionCode(region), role, PASSWORD, false);
		return username;
	}

	/** A fresh, cookie-less page on the running application. */
	Page newPage() {
		return chromium.newPage(baseUrl());
	}

	String baseUrl() {
		return "http://localhost:" + port;
	}

	/**
	 * Runs {@code steps} on a fresh page and closes it; when they fail, the page is saved as
	 * {@code target/browser/<failureShot>.png} first.
	 */
	void onNewPage(String failureShot, Steps steps) throws Exception {
		Page page = newPage();
		try {
			steps.run(page);
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(page, failureShot);
			throw ex;
		}
		finally {
			page.context().close();
		}
	}

	/** As a visitor without login: opens the public article list of {@code region} and the article {@code title}. */
	static void openPublicArticle(Page visitor, String region, String title) {
		visitor.navigate("/public/articles?region=" + region);
		assertThat(visitor.locator("#current-user")).hasCount(0);
		visitor.locator("#public-articles").getByText(title).click();
		assertThat(visitor.locator("#article-title")).hasText(title);
	}

	/** The Chinese text of a message key, as the pages show it. */
	String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
