package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.wushe.access.Role;

/**
 * In real Chromium: a province user of Inner Mongolia drills down to a township, creates a station worker there, and
 * the worker, forced to change the password first, sees only the township.
 */
class ProvinceJourneyTests extends BrowserJourney {

	static final String GIVEN_PASSWORD = "given-by-province-1";

	static final String OWN_PASSWORD = "chosen-by-worker-1";

	@Test
	void provinceUserCreatesAStationWorkerWhoSeesOnlyTheTownship() throws Exception {
		String suffix = suffix();
		String province = "nmg-" + suffix;
		String worker = "station-" + suffix;
		account(province, "内蒙古自治区民政厅", "15", Role.PROVINCE_STAFF);
		onNewPage("province-journey-failed", page -> {
			Chromium.logIn(page, province, PASSWORD);
			assertThat(Chromium.menuLink(page, "/accounts")).hasCount(1);

			// drill down from the province to a township, following child links
			page.locator("nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(text("nav.regions")))
				.click();
			assertThat(page).hasURL(Pattern.compile("/regions/15$"));
			assertThat(page.locator("#region-name")).hasText("内蒙古自治区");
			assertThat(page.locator("#breadcrumbs li")).hasText(new String[] { "内蒙古自治区" });
			openChild(page, "呼和浩特市");
			assertThat(page).hasURL(Pattern.compile("/regions/1501$"));
			assertThat(page.locator("#breadcrumbs li")).hasText(new String[] { "内蒙古自治区", "呼和浩特市" });
			openChild(page, "新城区");
			assertThat(page).hasURL(Pattern.compile("/regions/150102$"));
			assertThat(page.locator("#breadcrumbs li")).hasText(new String[] { "内蒙古自治区", "呼和浩特市", "新城区" });
			assertThat(page.locator("#level-counts [data-level='4']")).hasText("13");
			assertThat(page.locator("#level-counts [data-level='5']")).hasText("90");
			openChild(page, "海拉尔东路街道");
			assertThat(page).hasURL(Pattern.compile("/regions/150102001$"));
			assertThat(page.locator("#breadcrumbs li"))
				.hasText(new String[] { "内蒙古自治区", "呼和浩特市", "新城区", "海拉尔东路街道" });
			assertThat(page.locator("#children tbody tr")).hasCount(10);
			// a breadcrumb leads back up
			page.locator("#breadcrumbs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("新城区"))
				.click();
			assertThat(page).hasURL(Pattern.compile("/regions/150102$"));

			// create the station worker on the township through the accounts pages
			Chromium.menuLink(page, "/accounts").click();
			page.locator("#new-account").click();
			assertThat(page).hasURL(Pattern.compile("/accounts/new$"));
			page.locator("#username").fill(worker);
			page.locator("#displayName").fill("海拉尔东路街道社工站社工");
			page.locator("#regionCode").fill("150102001");
			page.locator("#role").selectOption(Role.STATION_WORKER.name());
			page.locator("#password").fill(GIVEN_PASSWORD);
			page.locator("#create-account").click();
			assertThat(page.locator("#account-created"))
				.hasText(text("access.account-created.text", worker, "海拉尔东路街道"));
			assertThat(page.locator("#generated-password")).hasCount(0);

			page.locator("#logout").click();
			assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));

			// the worker must change the password set by the province user before anything else
			Chromium.submitLogin(page, worker, GIVEN_PASSWORD);
			assertThat(page).hasURL(Pattern.compile("/account/password$"));
			assertThat(page.locator("#must-change")).isVisible();
			page.navigate("/regions");
			assertThat(page).hasURL(Pattern.compile("/account/password$"));
			page.locator("#currentPassword").fill(GIVEN_PASSWORD);
			page.locator("#newPassword").fill(OWN_PASSWORD);
			page.locator("#confirmPassword").fill(OWN_PASSWORD);
			page.locator("#change-password").click();
			assertThat(page).hasURL(Pattern.compile("/$"));
			assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("access.password.changed"));

			// its scope is the township: the tree starts there, a sibling county does not exist for it
			page.navigate("/regions");
			assertThat(page).hasURL(Pattern.compile("/regions/150102001$"));
			assertThat(page.locator("#breadcrumbs li")).hasText(new String[] { "海拉尔东路街道" });
			assertThat(page.locator("#children tbody tr")).hasCount(10);
			assertThat(Chromium.menuLink(page, "/accounts")).hasCount(0);
			Response sibling = page.navigate("/regions/150105");
			org.assertj.core.api.Assertions.assertThat(sibling.status()).isEqualTo(404);
			assertThat(page.locator("h1")).hasText(text("error.title.404"));
			assertThat(page.getByRole(AriaRole.ALERT)).hasText(text("region.error.unknown", "150105"));
			Chromium.screenshot(page, "province-journey-not-found");
			Response parent = page.navigate("/regions/150102");
			org.assertj.core.api.Assertions.assertThat(parent.status()).isEqualTo(404);
			page.navigate("/regions");
			assertThat(page.locator("#current-user")).containsText("海拉尔东路街道");
			Chromium.screenshot(page, "province-journey");
		});
	}

	private static void openChild(Page page, String name) {
		page.locator("#children")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true))
			.click();
		assertThat(page.locator("#region-name")).hasText(name);
	}

}
