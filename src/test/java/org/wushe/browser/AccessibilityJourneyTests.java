package org.wushe.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.Role;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.campaign.Deadline;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * axe-core (its script from the jar, nothing downloaded) finds no serious or critical WCAG 2.1 A/AA violation on the
 * workbench, the dashboard, lists, forms, a report page, the reporting board, the inbox and the audit log, in
 * Chinese on a wide screen and in English on a phone. Every visible input has a label, required fields show their
 * star, and the sidebar's groups open and close from the keyboard.
 */
class AccessibilityJourneyTests extends BrowserJourney {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	@Autowired
	CampaignService campaigns;

	@Test
	void keyPagesHaveNoSeriousViolations() throws Exception {
		String suffix = suffix();
		String county = account("a11y-" + suffix, "新城区民政局", "150102", Role.COUNTY_STAFF);
		LocalDate today = LocalDate.now(Deadline.ZONE);
		long id = campaigns.create(new RegionScope(RegionCode.parse("150102")),
				new CampaignInput(null, "a11y-" + suffix, "t", "150102", 4, today.minusDays(3).toString(),
						today.plusDays(9).toString(), List.of(Instant.now().plus(4, ChronoUnit.DAYS).toString()), null,
						null, null, null, null, null, null),
				"test");
		List<String> pages = List.of("/", "/stats", "/volunteers", "/volunteers/new",
				"/campaigns/" + id + "/reports/1?region=150102001", "/campaigns/" + id + "/completeness", "/messages",
				"/audit", "/campaigns", "/campaigns/new", "/sites", "/accounts/new", "/workers/new", "/articles/new");
		List<String> found = new ArrayList<>();
		// Chinese on a wide screen, English on a phone
		for (Object[] run : new Object[][] { { "zh_CN", 1366, 900 }, { "en", 390, 844 } }) {
			String lang = (String) run[0];
			int[] size = { (Integer) run[1], (Integer) run[2] };
			{
				Page page = chromium.newPage(baseUrl(), size[0], size[1]);
				page.setDefaultTimeout(60_000);
				try {
					Chromium.logIn(page, county, PASSWORD);
					page.navigate("/?lang=" + lang);
					for (String path : pages) {
						page.navigate(path);
						page.waitForLoadState();
						AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
						for (Rule rule : results.getViolations()) {
							if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
								found.add(lang + " " + size[0] + " " + path + ": " + rule.getId() + " "
										+ rule.getNodes().stream().map(n -> n.getHtml()).limit(3).toList());
							}
						}
					}
				}
				finally {
					page.context().close();
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void inputsAreLabelledRequiredFieldsMarkedAndTheSidebarWorksFromTheKeyboard() throws Exception {
		String county = account("a11y-keys-" + suffix(), "新城区民政局", "150102", Role.COUNTY_STAFF);
		Page page = chromium.newPage(baseUrl(), 1366, 900);
		page.setDefaultTimeout(60_000);
		try {
			Chromium.logIn(page, county, PASSWORD);
			List<String> unlabelled = new ArrayList<>();
			for (String path : List.of("/volunteers/new", "/campaigns/new", "/accounts/new", "/workers/new")) {
				page.navigate(path);
				page.waitForLoadState();
				Object missing = page.evaluate("""
						() => Array.from(document.querySelectorAll('main input, main select, main textarea'))
						  .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
						  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
						    && !e.getAttribute('aria-labelledby'))
						  .map(e => e.name || e.id)""");
				for (Object name : (List<?>) missing) {
					unlabelled.add(path + " " + name);
				}
				Object unmarked = page.evaluate("""
						() => Array.from(document.querySelectorAll('main [required]'))
						  .filter(e => e.offsetParent !== null && e.labels && e.labels.length)
						  .filter(e => !Array.from(e.labels).some(l => getComputedStyle(l, '::after').content.includes('*')))
						  .map(e => e.name || e.id)""");
				for (Object name : (List<?>) unmarked) {
					unlabelled.add(path + " required without star: " + name);
				}
			}
			assertThat(unlabelled).isEmpty();

			page.navigate("/");
			com.microsoft.playwright.Locator heading = page.locator("#sidebar .app-menu-heading").first();
			com.microsoft.playwright.Locator group = page.locator("#" + heading.getAttribute("aria-controls"));
			heading.focus();
			page.keyboard().press("Enter");
			com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(heading)
				.hasAttribute("aria-expanded", "false");
			com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(group).isHidden();
			page.keyboard().press("Enter");
			com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(heading)
				.hasAttribute("aria-expanded", "true");
			com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(group).isVisible();
			page.keyboard().press("Tab");
			Object focused = page.evaluate("() => document.activeElement.closest('#sidebar .nav') !== null"
					+ " && document.activeElement.classList.contains('nav-link')");
			assertThat(focused).isEqualTo(true);
		}
		finally {
			page.context().close();
		}
	}

}
