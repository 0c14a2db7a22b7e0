package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.browser.CareJourneyTests.noSideScroll;
import static org.wushe.browser.CareJourneyTests.visit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.actor.volunteer.VolunteerInput;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.care.PersonInput;
import org.wushe.care.PersonService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.volunteering.ProjectService;
import org.wushe.volunteering.TimeBank;

/**
 * Issue 11's journey on a 390×844 phone. Through the pages: the organizer (a station worker) records a session's
 * hours on the project's attendance sheet, confirms them on the volunteer's hours page on the volunteer's behalf
 * with a reason (volunteers have no login), sees the certificate in the register and opens its public page without
 * login, issues the certificate from its page, and donates the hours to the pool and grants the pool's hours to an
 * elder from the accounts' transfer pages. Through the API with the same signed-in session: opening the township's
 * pool and the elder's account ({@code POST /api/timebank/accounts}) and the elder's redemption
 * ({@code POST /api/timebank/transfers}, retried with the same key). No page visited scrolls sideways.
 */
class VolunteeringJourneyTests extends BrowserJourney {

	static final String TOWNSHIP = "150102001";

	@Autowired
	VolunteerService volunteers;

	@Autowired
	ProjectService projects;

	@Autowired
	PersonService persons;

	@Autowired
	TimeBank bank;

	@Test
	void hoursAreRecordedConfirmedCertifiedAndSpentInTheTimeBankOnAPhone() throws Exception {
		String suffix = suffix();
		RegionScope scope = new RegionScope(RegionCode.parse(TOWNSHIP));
		String organizer = account("vol-o-" + suffix, "海拉尔东路街道社工站驻站社工", TOWNSHIP, Role.STATION_WORKER);
		String name = "志愿者" + suffix;
		long volunteer = volunteers.register(new VolunteerInput(name, ActorTestData.idNumber("150102"), null,
				"150102001001", List.of(), List.of(), "ACTIVE"), scope).id();
		long team = projects.createTeam(new ProjectService.TeamInput("助老服务队" + suffix, TOWNSHIP, null, null), scope)
			.id();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long project = projects.createProject(new ProjectService.ProjectInput("助老上门" + suffix, TOWNSHIP, "TEAM", team,
				today.minusDays(30).toString(), today.plusDays(30).toString(), "社区活动室", "ELDERLY", 20, true, true),
				scope).id();
		String id = ActorTestData.idNumber("150102");
		long elder = persons.register(new PersonInput("150102001001", "重点老人" + suffix, "MALE",
				id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14), id, null, null, null,
				List.of("ELDER_ALONE"), "HIGH", null, null), scope).id();

		Page page = chromium.newPage(baseUrl(), 390, 844);
		page.setDefaultTimeout(60_000);
		try {
			Chromium.logIn(page, organizer, PASSWORD);
			noSideScroll(page);

			// 1. the organizer records a session on the project's attendance sheet
			visit(page, "/volunteering");
			page.locator("#projects a[href='/volunteering/projects/" + project + "']").click();
			assertThat(page.locator("#project-name")).hasText("助老上门" + suffix);
			noSideScroll(page);
			String day = today.minusDays(2).toString();
			page.locator("#sheet input[name=volunteerId]").first().fill(String.valueOf(volunteer));
			page.locator("#sheet input[name=start]").first().fill(day + "T09:00");
			page.locator("#sheet input[name=end]").first().fill(day + "T11:00");
			page.locator("#sheet input[name=content]").first().fill("陪伴独居老人聊天");
			page.locator("#record-sheet").click();
			assertThat(page.locator("#sheet-stored")).isVisible();
			assertThat(page.locator("#records tbody tr")).hasCount(1);
			noSideScroll(page);

			// 2. confirmed on the volunteer's hours page, on the volunteer's behalf with a reason
			visit(page, "/volunteering/volunteers/" + volunteer + "/hours");
			page.onceDialog(d -> d.accept("志愿者现场签字确认"));
			page.locator(".confirm").click();
			assertThat(page.locator(".confirm")).hasCount(0);
			page.reload();
			assertThat(page.locator("#total-minutes")).containsText("120");
			noSideScroll(page);

			// 3. the certificate is issued from its page, listed in the register, its public page opens
			String token = page.locator("meta[name=_csrf]").getAttribute("content");
			String header = page.locator("meta[name=_csrf_header]").getAttribute("content");
			visit(page, "/volunteering/certificates");
			page.locator("#issue-link").click();
			page.locator("#volunteerId").selectOption(String.valueOf(volunteer));
			page.locator("#from").fill(today.minusDays(7).toString());
			page.locator("#to").fill(today.toString());
			page.locator("#issue-form button[type=submit]").click();
			assertThat(page.locator("#issued")).isVisible();
			noSideScroll(page);
			String number = page.url().substring(page.url().indexOf("issued=") + "issued=".length());
			visit(page, "/volunteering/certificates");
			assertThat(page.locator("#certificates")).containsText(number);
			APIResponse pdf = page.request().get("/api/certificates/" + number + ".pdf");
			assertThat(pdf.status()).isEqualTo(200);
			assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
			Page visitor = chromium.newPage(baseUrl(), 390, 844);
			try {
				// the QR code holds the configured public address + /public/certificates/{number}; opened on this server
				visit(visitor, "/public/certificates/" + number);
				assertThat(visitor.locator("#current-user")).hasCount(0);
				assertThat(visitor.locator("#certificate-number")).hasText(number);
				assertThat(visitor.locator("#certificate-name")).hasText(name);
				assertThat(visitor.locator("#certificate-hours")).hasText("2.0");
				assertThat(visitor.locator("#certificate-valid")).isVisible();
				assertThat(visitor.locator("#certificate-id")).containsText("*");
			}
			finally {
				visitor.context().close();
			}

			// 4. the confirmed hours are in the volunteer's account; donated to the pool, granted to an elder, redeemed
			long personal = ((Number) JsonPath.read(page.request()
				.get("/api/timebank/accounts?volunteerId=" + volunteer).text(), "$[0].id")).longValue();
			long pool = ((Number) JsonPath.read(post(page, header, token, "/api/timebank/accounts", """
					{"kind":"POOL","regionCode":"%s"}""".formatted(TOWNSHIP), 201), "$.id")).longValue();
			long elderAccount = ((Number) JsonPath.read(post(page, header, token, "/api/timebank/accounts", """
					{"kind":"ELDER","regionCode":"150102001001","personId":%d}""".formatted(elder), 201), "$.id"))
				.longValue();
			// donated and granted from the accounts' pages
			moveFromPage(page, personal, "DONATION", pool, 60);
			moveFromPage(page, pool, "GRANT", elderAccount, 60);
			transfer(page, header, token, "r-" + suffix, elderAccount, bank.clearing().id(), 45, "REDEMPTION");
			// a retry with the same key moves nothing
			transfer(page, header, token, "r-" + suffix, elderAccount, bank.clearing().id(), 45, "REDEMPTION");

			visit(page, "/volunteering/timebank");
			assertThat(page.locator("#accounts a[href='/volunteering/timebank/" + elderAccount + "']")).hasCount(1);
			visit(page, "/volunteering/timebank/" + personal);
			assertThat(page.locator("#balance")).containsText("60");
			visit(page, "/volunteering/timebank/" + elderAccount);
			assertThat(page.locator("#balance")).containsText("15");
			assertThat(page.locator("#postings tbody tr")).hasCount(2);
			assertThat(page).hasURL(Pattern.compile("/volunteering/timebank/" + elderAccount + "$"));
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(page, "volunteering-journey");
			throw ex;
		}
		finally {
			page.context().close();
		}
	}

	/** Moves hours with the transfer form of account {@code from}'s page; back on its statement afterwards. */
	private static void moveFromPage(Page page, long from, String kind, long to, int minutes) {
		visit(page, "/volunteering/timebank/" + from);
		page.locator("#transfer-link").click();
		page.locator("#kind").selectOption(kind);
		page.locator("#toAccountId").selectOption(String.valueOf(to));
		page.locator("#minutes").fill(String.valueOf(minutes));
		noSideScroll(page);
		page.locator("#transfer-form button[type=submit]").click();
		assertThat(page).hasURL(Pattern.compile("/volunteering/timebank/" + from + "$"));
	}

	private static String post(Page page, String header, String token, String path, String json, int status) {
		APIResponse r = page.request().post(path, RequestOptions.create().setHeader(header, token)
			.setHeader("Content-Type", "application/json").setData(json));
		assertThat(r.status()).as(path + " " + r.text()).isEqualTo(status);
		return r.text();
	}

	private static void transfer(Page page, String header, String token, String key, long from, long to, int minutes,
			String kind) {
		APIResponse r = page.request().post("/api/timebank/transfers", RequestOptions.create().setHeader(header, token)
			.setHeader("Idempotency-Key", key)
			.setHeader("Content-Type", "application/json")
			.setData("""
					{"fromAccountId":%d,"toAccountId":%d,"minutes":%d,"kind":"%s","memo":"时间银行"}"""
				.formatted(from, to, minutes, kind)));
		assertThat(r.status()).as(kind + " " + r.text()).isIn(200, 201);
	}

}
