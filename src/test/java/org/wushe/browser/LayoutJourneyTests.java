package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.wushe.access.Role;

/**
 * In real Chromium, for every role the demo offers, on a 1366×900 screen and a 390×844 phone, in Chinese and in
 * English: the page never scrolls sideways, no menu entry wraps or is cut off, and on the phone the menu is folded
 * away behind its button and the page's heading is within the top 300 pixels.
 */
class LayoutJourneyTests extends BrowserJourney {

	record Seat(String name, String region, Role role) {
	}

	static final List<Seat> SEATS = List.of(new Seat("admin", "15", Role.ADMIN),
			new Seat("内蒙古自治区民政厅", "15", Role.PROVINCE_STAFF), new Seat("内蒙古自治区民政厅领导", "15", Role.LEADER),
			new Seat("呼和浩特市民政局", "1501", Role.CITY_STAFF), new Seat("新城区民政局", "150102", Role.COUNTY_STAFF),
			new Seat("海拉尔东路街道社工站", "150102001", Role.TOWNSHIP_STAFF),
			new Seat("海拉尔东路街道社工站驻站社工", "150102001", Role.STATION_WORKER));

	/** Pages with wide tables or forms, visited when the role's menu holds them. */
	static final List<String> WIDE_PAGES = List.of("/volunteers", "/workers", "/sites", "/campaigns", "/stats");

	@Test
	void everyRoleFitsOnAWideScreenAndOnAPhoneInBothLanguages() throws Exception {
		String suffix = suffix();
		List<String> failures = new ArrayList<>();
		for (Seat seat : SEATS) {
			String username = account("lay-" + seat.role().name().toLowerCase() + "-" + suffix, seat.name(),
					seat.region(), seat.role());
			for (String lang : List.of("zh_CN", "en")) {
				check(username, lang, 1366, 900, failures);
				check(username, lang, 390, 844, failures);
			}
		}
		assertThat(failures).isEmpty();
	}

	private void check(String username, String lang, int width, int height, List<String> failures) {
		Page page = chromium.newPage(baseUrl(), width, height);
		String where = username + " " + lang + " " + width + "x" + height;
		try {
			Chromium.logIn(page, username, PASSWORD);
			page.navigate("/?lang=" + lang);
			List<String> pages = new ArrayList<>(List.of("/"));
			for (String wide : WIDE_PAGES) {
				if (Chromium.menuLink(page, wide).count() > 0) {
					pages.add(wide);
				}
			}
			for (String path : pages) {
				page.navigate(path);
				page.waitForLoadState();
				String at = where + " " + path;
				if (Boolean.TRUE.equals(page.evaluate(
						"() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))) {
					failures.add(at + ": the page scrolls sideways");
					Chromium.screenshot(page, "layout-" + username + "-" + lang + "-" + width + path.replace('/', '-'));
				}
				if (width < 992) {
					assertThat(page.locator("#sidebar")).not().isVisible();
					assertThat(page.locator("#menu-button")).isVisible();
					double top = page.locator("main h1").first().boundingBox().y;
					if (top > 300) {
						failures.add(at + ": the heading starts at " + top + " px");
					}
				}
				else {
					assertThat(page.locator("#sidebar")).isVisible();
				}
			}
			if (width < 992) {
				page.locator("#menu-button").click();
				assertThat(page.locator("#sidebar")).isVisible();
			}
			Object wrapped = page.evaluate("""
					() => Array.from(document.querySelectorAll('#sidebar .nav-link, #sidebar .app-menu-heading'))
					  .filter(a => a.scrollWidth > a.clientWidth
					    || a.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(a).lineHeight))
					  .map(a => a.textContent.trim())""");
			if (!((List<?>) wrapped).isEmpty()) {
				failures.add(where + ": menu entries that wrap or are cut off: " + wrapped);
			}
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(page, "layout-failed-" + username + "-" + lang + "-" + width);
			failures.add(where + ": " + ex.getMessage());
		}
		finally {
			page.context().close();
		}
	}

}
