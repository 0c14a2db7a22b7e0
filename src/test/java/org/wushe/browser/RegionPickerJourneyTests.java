package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.wushe.access.Role;

/**
 * In real Chromium: a county user picks a region by typing part of its name or by browsing the tree, only within the
 * county; the field sends the code and shows the name beneath it.
 */
class RegionPickerJourneyTests extends BrowserJourney {

	@Test
	void aCountyUserPicksATownshipByNameOrFromTheTree() throws Exception {
		String county = account("picker-" + suffix(), "新城区民政局", "150102", Role.COUNTY_STAFF);
		onNewPage("region-picker-failed", page -> {
			Chromium.logIn(page, county, PASSWORD);
			page.navigate("/volunteers");
			Locator within = page.locator("#within");
			within.fill("");
			within.pressSequentially("海拉尔");
			Locator choices = page.locator("#within-region-choices");
			choices.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("海拉尔东路街道")).first().click();
			assertThat(within).hasValue("150102001");
			assertThat(page.locator("#within-region-name")).containsText("海拉尔东路街道");

			// a sibling county's township is not offered
			within.fill("");
			within.pressSequentially("敕勒川");
			assertThat(choices.locator("li")).hasCount(1);
			assertThat(choices).containsText(text("region.picker.empty"));

			// browsing starts at the user's own region
			within.press("Escape");
			assertThat(choices).isHidden();
			page.locator("#within").locator("xpath=..").locator(".region-picker-browse").click();
			assertThat(choices).containsText("新城区");
			choices.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("锡林北路街道")).first().click();
			assertThat(within).hasValue("150102002");
			page.locator("form[action='/volunteers'] button[type=submit]").click();
			assertThat(page).hasURL(java.util.regex.Pattern.compile("within=150102002"));
		});
	}

	/**
	 * Pinyin initials find a township (海拉尔东路街道 by "hledl"), only within the county; the keyboard alone chooses
	 * it: Down into the choices, Enter to pick, Escape to close.
	 */
	@Test
	void aCountyUserPicksByPinyinInitialsWithTheKeyboard() throws Exception {
		String county = account("picker-keys-" + suffix(), "新城区民政局", "150102", Role.COUNTY_STAFF);
		onNewPage("region-picker-keys-failed", page -> {
			Chromium.logIn(page, county, PASSWORD);
			page.navigate("/volunteers");
			Locator within = page.locator("#within");
			Locator choices = page.locator("#within-region-choices");
			within.fill("");
			within.pressSequentially("hledl");
			assertThat(choices.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("海拉尔东路街道")).first())
				.isVisible();
			// codes are secondary text beside the name
			assertThat(choices.locator("button small").first()).hasText("150102001");
			within.press("ArrowDown");
			assertThat(choices.locator("button").first()).isFocused();
			page.keyboard().press("Enter");
			assertThat(within).hasValue("150102001");
			assertThat(within).isFocused();
			assertThat(page.locator("#within-region-name")).containsText("海拉尔东路街道");

			// a sibling county's township (敕勒川, "clc") is not offered
			within.fill("");
			within.pressSequentially("clc");
			assertThat(choices).isVisible();
			assertThat(choices).not().containsText("敕勒川");
			within.press("ArrowDown");
			page.keyboard().press("Escape");
			assertThat(choices).isHidden();
			assertThat(within).isFocused();
		});
	}

}
