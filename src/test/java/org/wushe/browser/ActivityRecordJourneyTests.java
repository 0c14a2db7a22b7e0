package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.region.RegionCode;
import org.wushe.support.TestFiles;

/**
 * In real Chromium: a county user records an activity, links a registered organization with the search-as-you-type
 * picker (pinyin initials), adds a photo, sees the thumbnail on the activity page and deletes the photo.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("browser")
class ActivityRecordJourneyTests {

	static final String PASSWORD = "journey-pass-1";

	static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@BeforeAll
	static void launch() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void countyUserRecordsAnActivityWithALinkedOrganizationAndAPhoto() throws Exception {
		String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
		String province = "province-" + suffix;
		String county = "xincheng-" + suffix;
		accounts.createSystemAccount(province, "自治区民政厅", new RegionCode("15"), Role.PROVINCE_STAFF, PASSWORD, false);
		accounts.createSystemAccount(county, "新城区民政局", new RegionCode("150102"), Role.COUNTY_STAFF, PASSWORD, false);
		long campaign = id(post(province, "/api/campaigns", """
				{"name": "journey-%s", "theme": "t", "regionCode": "15", "reportingLevel": 2,
				 "startDate": "2022-03-17", "endDate": "2022-03-31", "deadlines": ["2022-03-24T17:00:00+08:00"]}
				""".formatted(suffix)));
		String organization = "春晖社工服务中心" + suffix;
		post(county, "/api/organizations", """
				{"name":"%s","creditCode":"%s","kind":"SOCIAL_WORK_AGENCY","regionCode":"150102"}
				""".formatted(organization, ActorTestData.creditCode("150102")));

		Page page = chromium.newPage("http://localhost:" + port);
		try {
			page.navigate("/login");
			page.locator("#username").fill(county);
			page.locator("#password").fill(PASSWORD);
			page.locator("#login-submit").click();
			assertThat(page).hasURL(Pattern.compile("/$"));

			page.navigate("/campaigns/" + campaign + "/activities/new");
			page.locator("#name").fill("春晖助老义诊");
			page.locator("#units").fill("春晖社工与社区志愿者");
			page.locator("#startDate").fill("2022-03-20");
			page.locator("#domain-ELDERLY").check();
			page.locator("#participants").fill("30");
			page.locator("#beneficiaries").fill("80");
			page.locator("#fundsYuan").fill("0");
			page.locator("#materialsYuan").fill("0");

			// search by pinyin initials, pick the organization, Enter does not submit the form
			page.locator("#organization-search").pressSequentially("chsg", new Locator.PressSequentiallyOptions().setDelay(50));
			Locator suggestion = page.locator(".pick-organization", new Page.LocatorOptions().setHasText(organization));
			suggestion.click();
			assertThat(page.locator("#chosen-organizations .chosen-organization")).hasCount(1);
			assertThat(page.locator("#chosen-organizations")).containsText(organization);
			page.locator("#organization-search").press("Enter");
			assertThat(page).hasURL(Pattern.compile("/activities/new$"));

			page.locator("#photos").setInputFiles(new FilePayload("现场.jpg", "image/jpeg", TestFiles.jpegWithGps()));
			page.locator("#save-activity").click();
			assertThat(page).hasURL(Pattern.compile("/campaigns/" + campaign + "/activities$"));

			page.locator("#activity-list a", new Page.LocatorOptions().setHasText("春晖助老义诊")).click();
			assertThat(page.locator("#activity-name")).hasText("春晖助老义诊");
			assertThat(page.locator("#activity-organizations a")).hasText(organization);
			Locator thumbnail = page.locator("#activity-photos img");
			assertThat(thumbnail).hasCount(1);
			Object width = thumbnail.evaluate("img => img.complete ? img.naturalWidth : -1");
			org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isEqualTo(320);
			Chromium.screenshot(page, "activity-with-photo");

			page.locator("#activity-photos button[type=submit]").click();
			assertThat(page.locator("#activity-photos")).hasCount(0);
		}
		finally {
			page.context().close();
		}
	}

	private String post(String user, String path, String json) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		org.assertj.core.api.Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return answer.body();
	}

	private static long id(String json) {
		Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
		org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

}
