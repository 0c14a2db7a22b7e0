package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.care.PersonInput;
import org.wushe.care.PersonService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * Issue 10's journey on a 390×844 phone, through the pages: a station worker records a visit with an urgent
 * follow-up; the station and the county see the alert on their home pages; the county opens a case from the alert;
 * the worker assesses and plans; the supervisor (the county account, which holds {@code care:supervise}) approves the
 * plan; the worker records a service and asks to close; the supervisor approves the closure. No page visited scrolls
 * sideways.
 */
class CareJourneyTests extends BrowserJourney {

	static final int WIDTH = 390;

	static final int HEIGHT = 844;

	static final int PATIENCE = 60_000;

	@Autowired
	PersonService persons;

	/**
	 * Each step posts a form and waits for the page it leads to; on a busy machine that can take longer than the
	 * assertions' default 5 s, so they wait as long as the pages' actions do ({@link #phone()}).
	 */
	@BeforeAll
	static void patientAssertions() {
		PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE);
	}

	@AfterAll
	static void usualAssertions() {
		PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
	}

	@Test
	void aUrgentVisitBecomesACaseThatIsServedAndClosedOnAPhone() throws Exception {
		String suffix = suffix();
		String worker = account("care-w-" + suffix, "海拉尔东路街道社工站驻站社工", "150102001", Role.STATION_WORKER);
		String county = account("care-c-" + suffix, "新城区民政局", "150102", Role.COUNTY_STAFF);
		String name = "关爱对象" + suffix;
		long person = register(persons, name, "FEMALE");

		Page station = phone();
		Page office = phone();
		try {
			// 1. the station worker records a visit with an urgent follow-up, on the person's file
			Chromium.logIn(station, worker, PASSWORD);
			visit(station, "/care/persons/" + person);
			assertThat(station.locator("#person-name")).hasText(name);
			station.locator("#visit-way").selectOption("HOME");
			station.locator("#finding-HEALTH").check();
			station.locator("label[for='follow-urgent']").click();
			station.locator("#visit-notes").fill("老人独居，血压偏高，需尽快就医");
			station.locator("#visit-save").click();
			// the save leads back to the same address: wait for the new visit, not the URL
			assertThat(station.locator("#visit-list li")).hasCount(1);
			assertThat(station).hasURL(java.util.regex.Pattern.compile("/care/persons/" + person + "$"));
			noSideScroll(station);
			visit(station, "/");
			assertThat(station.locator("#todos [data-kind='care-urgent']")).hasCount(1);

			// 2. the county sees the alert on its home page and follows it to the person's file
			Chromium.logIn(office, county, PASSWORD);
			visit(office, "/");
			assertThat(office.locator("#todos [data-kind='care-urgent']")).hasCount(1);
			assertThat(office.locator("#todos [data-kind='care-urgent'] a")).containsText(name);
			office.locator("#todos [data-kind='care-urgent'] a").click();
			assertThat(office.locator("#person-name")).hasText(name);
			noSideScroll(office);

			// 3. a case is opened from the file: the alert is taken up
			office.locator("#case-reason").fill("独居高龄老人健康风险，需要个案跟进");
			office.locator("#open-case").click();
			assertThat(office.locator("#case-stage")).hasAttribute("data-stage", "INTAKE");
			noSideScroll(office);
			String caseUrl = office.url().replace(baseUrl(), "");
			visit(office, "/");
			assertThat(office.locator("#todos [data-kind='care-urgent']")).hasCount(0);

			// 4. the worker assesses and plans
			visit(station, caseUrl);
			for (String f : List.of("safety", "health", "dailyLiving", "economy", "family", "psychology")) {
				station.locator("#score-" + f).fill("3");
			}
			station.locator("#assessment-form button[type=submit]").click();
			assertThat(station.locator("#case-stage")).hasAttribute("data-stage", "ASSESSMENT");
			noSideScroll(station);
			station.locator("#goals").fill("血压稳定，每周有人探望");
			station.locator("#actions").fill("联系家庭医生签约，安排志愿者每周探访");
			station.locator("#who").fill("驻站社工");
			station.locator("#byDate").fill(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
				.plusDays(30).toString());
			station.locator("#plan-form button[type=submit]").click();
			assertThat(station.locator("#case-stage")).hasAttribute("data-stage", "PLAN_PENDING");
			assertThat(station.locator("#supervisor-actions")).hasCount(0);
			noSideScroll(station);

			// 5. the supervisor approves the plan
			visit(office, caseUrl);
			office.locator("#approve").click();
			assertThat(office.locator("#case-stage")).hasAttribute("data-stage", "SERVICE");
			noSideScroll(office);

			// 6. the worker records a service and asks to close with a review
			visit(station, caseUrl);
			station.locator("#service-form textarea[name=notes]").fill("陪同就医，血压已控制");
			station.locator("#service-form button[type=submit]").click();
			// the stage stays SERVICE: wait for the recorded service, then check the stage
			assertThat(station.locator("#case-events")).containsText("陪同就医");
			assertThat(station.locator("#case-stage")).hasAttribute("data-stage", "SERVICE");
			station.locator("#close-form input[name=reason]").fill("目标达成");
			station.locator("#close-form textarea[name=review]").fill("血压稳定，家庭医生已签约");
			station.locator("#close-form button[type=submit]").click();
			assertThat(station.locator("#case-stage")).hasAttribute("data-stage", "CLOSE_PENDING");
			noSideScroll(station);

			// 7. the supervisor approves the closure
			visit(office, caseUrl);
			office.locator("#approve").click();
			assertThat(office.locator("#case-stage")).hasAttribute("data-stage", "CLOSED");
			noSideScroll(office);
			assertThat(office.locator("#case-events li").count()).isGreaterThanOrEqualTo(7);
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(station, "care-journey-station");
			Chromium.screenshot(office, "care-journey-county");
			throw ex;
		}
		finally {
			station.context().close();
			office.context().close();
		}
	}

	/** Registers a high-risk elder living alone in 150102001001, with a fresh ID number, and gives back the id. */
	static long register(PersonService persons, String name, String gender) {
		String id = ActorTestData.idNumber("150102");
		String birth = id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
		return persons.register(new PersonInput("150102001001", name, gender, birth, id, null, null, null,
				List.of("ELDER_ALONE"), "HIGH", null, null), new RegionScope(RegionCode.parse("150102"))).id();
	}

	private Page phone() {
		Page page = chromium.newPage(baseUrl(), WIDTH, HEIGHT);
		page.setDefaultTimeout(PATIENCE);
		return page;
	}

	/** Opens {@code path} and checks that it does not scroll sideways at phone width. */
	static void visit(Page page, String path) {
		page.navigate(path);
		noSideScroll(page);
	}

	/**
	 * Fails when the page is wider than the phone. Measured once the page has loaded with its style sheets: a page
	 * measured as soon as the element a step waited for is there may still be laid out without them, and wider.
	 */
	static void noSideScroll(Page page) {
		page.waitForLoadState();
		Object wide = page.evaluate(
				"() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
		List<?> w = (List<?>) wide;
		assertThat(((Number) w.get(0)).intValue()).as(page.url() + " scrolls sideways at " + WIDTH + " px")
			.isLessThanOrEqualTo(((Number) w.get(1)).intValue());
	}

}
