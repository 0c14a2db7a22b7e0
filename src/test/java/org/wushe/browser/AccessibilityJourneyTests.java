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
 * workbench, the dashboard, a list, a form, a report page, the reporting board, the inbox and the audit log, in
 * Chinese on a wide screen and in English on a phone.
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
				"/audit");
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

}
