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
import org.junit.jupiter.api.Test;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.TestFiles;

/**
 * In real Chromium: a county user records an activity, links a registered organization with the search-as-you-type
 * picker (pinyin initials), adds a photo, sees the thumbnail on the activity page and deletes the photo.
 */
class ActivityRecordJourneyTests extends BrowserJourney {

	@Test
	void countyUserRecordsAnActivityWithALinkedOrganizationAndAPhoto() throws Exception {
		String suffix = suffix();
		String province = "province-" + suffix;
		String county = "xincheng-" + suffix;
		account(province, "自治区民政厅", "15", Role.PROVINCE_STAFF);
		account(county, "新城区民政局", "150102", Role.COUNTY_STAFF);
		long campaign = id(post(province, "/api/campaigns", """
				{"name": "journey-%s", "theme": "t", "regionCode": "15", "reportingLevel": 2,
				 "startDate": "2022-03-17", "endDate": "2022-03-31", "deadlines": ["2022-03-24T17:00:00+08:00"]}
				""".formatted(suffix)));
		String organization = "春晖社工服务中心" + suffix;
		post(county, "/api/organizations", """
				{"name":"%s","creditCode":"%s","kind":"SOCIAL_WORK_AGENCY","regionCode":"150102"}
				""".formatted(organization, ActorTestData.creditCode("150102")));

		Page page = newPage();
		try {
			Chromium.logIn(page, county, PASSWORD);

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
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
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
