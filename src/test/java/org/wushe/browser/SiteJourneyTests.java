package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.wushe.access.Role;

/**
 * In real Chromium: a county user registers a station with staff, prints its placard, opens the QR code's target
 * without logging in, and sees the coverage figure change. The public address is this test server's (placards need
 * one configured; the property is read when the placard is first printed, after the server has its port).
 */
@TestPropertySource(properties = "wushe.site.public-base-url=http://localhost:${local.server.port}")
class SiteJourneyTests extends BrowserJourney {

	@Test
	void countyUserRegistersAStationPrintsItsPlacardAndCoverageGrows() throws Exception {
		String county = "xincheng-" + suffix();
		account(county, "新城区民政局", "150102", Role.COUNTY_STAFF);
		onNewPage("site-journey-failed", page -> {
			Chromium.logIn(page, county, PASSWORD);

			// coverage before: 新城区 has 13 townships
			Chromium.menuLink(page, "/sites/coverage").click();
			assertThat(page.locator("#coverage-heading")).hasText(text("site.coverage.heading", "新城区"));
			String before = page.locator("#coverage-cards [data-type='STATION'] [data-operating]")
				.getAttribute("data-operating");
			int stationsBefore = Integer.parseInt(before);

			// register a station with two staff members, one phone public
			page.navigate("/sites");
			page.locator("#new-site").click();
			page.locator("#type").selectOption("STATION");
			page.locator("#regionCode").fill("150102401");
			page.locator("#name").fill("呼伦路街道社工站");
			page.locator("#address").fill("呼伦南路 18 号");
			page.locator("#phone").fill("0471-6901234");
			page.locator("#serviceContent").fill("养老服务、儿童关爱、社会救助");
			page.locator("#serviceItems").fill("养老服务：独居老人探访\n儿童关爱：困境儿童个案服务");
			page.locator("#serviceProcess").fill("接案—评估—服务—回访");
			page.locator("input[name='staff[0].name']").fill("王丽");
			page.locator("input[name='staff[0].post']").fill("站长");
			page.locator("input[name='staff[0].phone']").fill("13812345678");
			page.locator("#add-staff").click();
			page.locator("input[name='staff[2].name']").fill("李强");
			page.locator("input[name='staff[2].phone']").fill("13900001111");
			page.locator("input[name='staff[2].phonePublic']").check();
			page.locator("#save-site").click();
			assertThat(page.locator("#site-name")).hasText("呼伦路街道社工站");
			assertThat(page.locator("#site-staff")).containsText("138****5678");
			assertThat(page.locator("#site-staff")).containsText("13900001111");

			// the placard, with a QR code to the public page
			page.locator("#site-placard").click();
			assertThat(page.locator("#placard h1")).hasText("呼伦路街道社工站");
			assertThat(page.locator("#placard-qr")).isVisible();
			org.assertj.core.api.Assertions.assertThat(page.locator("#placard-qr").getAttribute("src"))
				.startsWith("data:image/svg+xml;base64,");
			String publicUrl = page.locator(".placard-qr .small").textContent().strip();
			org.assertj.core.api.Assertions.assertThat(publicUrl)
				.matches("http://localhost:\\d+/public/sites/[a-z2-7]{24}");
			Chromium.screenshot(page, "site-placard");

			// the QR target, without logging in
			Page stranger = newPage();
			try {
				stranger.navigate(publicUrl);
				assertThat(stranger.locator("#public-name")).hasText("呼伦路街道社工站");
				assertThat(stranger.locator("#public-items")).containsText("独居老人探访");
				assertThat(stranger.locator("#public-staff")).containsText("13900001111");
				org.assertj.core.api.Assertions.assertThat(stranger.content()).doesNotContain("13812345678");
				assertThat(stranger.locator("#current-user")).hasCount(0);
				Chromium.screenshot(stranger, "site-public-page");
			}
			finally {
				stranger.context().close();
			}

			// coverage after: one more station
			page.navigate("/sites/coverage?region=150102");
			assertThat(page.locator("#coverage-cards [data-type='STATION'] [data-operating]"))
				.hasAttribute("data-operating", String.valueOf(stationsBefore + 1));
			assertThat(page.locator("#coverage-children tr[data-region='150102401']"))
				.containsText(text("site.coverage.of", 1, 1));
			Chromium.screenshot(page, "site-coverage");
		});
	}

}
