package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.care.PersonService;

/**
 * The care pages a station worker uses every day, on a 390×844 phone: the visits due, recording a visit from there in
 * a handful of taps (the date is today already; way, one finding, a follow-up, save), the person's page with a family
 * member added, the case opened in one tap from the visit's need, and the province's care settings and the county's
 * supervisor markings. axe-core finds no serious or critical WCAG 2.1 A/AA violation on any of them, and none scrolls
 * sideways.
 */
class CarePagesPhoneJourneyTests extends BrowserJourney {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/** The most taps a visit may take from the due list to saved (one to open the person, then the form). */
	static final int VISIT_TAPS = 5;

	@Autowired
	PersonService persons;

	final List<String> violations = new ArrayList<>();

	int taps;

	@Test
	void aWorkersDayOnAPhoneIsQuickAndAccessible() throws Exception {
		String suffix = suffix();
		String worker = account("care-p-" + suffix, "海拉尔东路街道社工站驻站社工", "150102001", Role.STATION_WORKER);
		String province = account("care-prov-" + suffix, "内蒙古自治区民政厅", "15", Role.PROVINCE_STAFF);
		String county = account("care-cty-" + suffix, "新城区民政局", "150102", Role.COUNTY_STAFF);
		String name = "手机对象" + suffix;
		long person = CareJourneyTests.register(persons, name, "MALE");

		Page page = phone();
		try {
			// 1. the visits due: the new person is due a first visit this week
			Chromium.logIn(page, worker, PASSWORD);
			open(page, "/care/visits/due?within=7");
			Locator due = page.locator("#due-list a", new Page.LocatorOptions().setHasText(name));
			assertThat(due).hasCount(1);

			// 2. a visit recorded in a few taps, starting from the due list
			tap(due);
			assertThat(page.locator("#person-name")).hasText(name);
			assertThat(page.locator("#visit-date")).not().hasValue("");
			tap(page.locator("#finding-NEEDS"));
			tap(page.locator("label[for='follow-need']"));
			tap(page.locator("#visit-save"));
			assertThat(page).hasURL(Pattern.compile("/care/persons/" + person + "$"));
			assertThat(page.locator("#visit-list li")).hasCount(1);
			assertThat(taps).as("taps from the due list to a saved visit").isLessThanOrEqualTo(VISIT_TAPS);
			check(page);

			// 3. the person's page with a family member
			page.locator("details:has(#family-form) > summary").click();
			page.locator("#family-form #name").fill("王小明");
			page.locator("#family-form #relation").fill("儿子");
			page.locator("#family-form #phone").fill(ActorTestData.mobile());
			page.locator("#relative-guardian").check();
			page.locator("#family-save").click();
			assertThat(page.locator("#family-list")).containsText("王小明");
			assertThat(page.locator("#person-history li[data-action='REGISTER']")).hasCount(1);
			check(page);

			// 4. the visit's need becomes a case in one tap
			page.locator("[data-visit-open-case]").click();
			assertThat(page.locator("#case-stage")).hasAttribute("data-stage", "INTAKE");
			check(page);
			page.goBack();
			open(page, "/care/persons/" + person);
			assertThat(page.locator("[data-visit-case]")).hasCount(1);
			assertThat(page.locator("[data-visit-open-case]")).hasCount(0);
			open(page, "/care/cases");
			check(page);
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(page, "care-phone-worker");
			throw ex;
		}
		finally {
			page.context().close();
		}

		// 5. the province's care settings and the county's supervisor markings, on the same phone
		Page office = phone();
		try {
			Chromium.logIn(office, province, PASSWORD);
			open(office, "/care/settings?region=15");
			office.locator("#frequency-form #regionCode").fill("15");
			office.locator("#categoryCode").selectOption("CHILD_ORPHAN");
			office.locator("#riskLevel").selectOption("HIGH");
			office.locator("#intervalDays").fill("30");
			office.locator("#frequency-save").click();
			assertThat(office.locator("[role=status]")).containsText(text("care.settings.frequency-saved"));
			check(office);
			office.context().close();
			office = phone();
			Chromium.logIn(office, county, PASSWORD);
			open(office, "/care/supervisors?region=150102");
			check(office);
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(office, "care-phone-office");
			throw ex;
		}
		finally {
			office.context().close();
		}
		assertThat(violations).isEmpty();
	}

	private Page phone() {
		Page page = chromium.newPage(baseUrl(), CareJourneyTests.WIDTH, CareJourneyTests.HEIGHT);
		page.setDefaultTimeout(60_000);
		return page;
	}

	private void tap(Locator target) {
		target.click();
		taps++;
	}

	private void open(Page page, String path) {
		CareJourneyTests.visit(page, path);
		check(page);
	}

	/** Notes the page's serious and critical axe violations, and checks it does not scroll sideways. */
	private void check(Page page) {
		page.waitForLoadState();
		CareJourneyTests.noSideScroll(page);
		for (Rule rule : new AxeBuilder(page).withTags(TAGS).analyze().getViolations()) {
			if (List.of("serious", "critical").contains(rule.getImpact())) {
				violations.add(page.url() + " " + rule.getId() + " "
						+ rule.getNodes().stream().map(n -> n.getHtml()).limit(3).toList());
			}
		}
	}

}
