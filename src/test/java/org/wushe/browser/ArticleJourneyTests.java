package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.Role;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * In real Chromium: a county user of 新城区 writes an article with an image, watches the 附件2 check panel while
 * editing, and submits; a 呼和浩特市 user approves and publishes it; the public page shows it without login.
 */
class ArticleJourneyTests extends BrowserJourney {

	static final String SENTENCE = "新城区社工站联合海拉尔东路社区开展关爱独居老人上门探访活动，";

	@Autowired
	CampaignService campaigns;

	@TempDir
	Path files;

	@Test
	void aCountyArticleIsCheckedSubmittedApprovedAndPublished() throws Exception {
		String suffix = suffix();
		String county = "xincheng-" + suffix;
		String city = "hohhot-" + suffix;
		account(county, "新城区民政局", "150102", Role.COUNTY_STAFF);
		account(city, "呼和浩特市民政局", "1501", Role.CITY_STAFF);
		long campaign = campaigns.create(new RegionScope(new RegionCode("15")),
				new CampaignInput(null, "2022年社会工作主题宣传活动" + suffix, "五社联动聚合力 社工服务暖基层", "15", 2,
						"2022-03-17", "2022-03-31", List.of("2022-03-24T17:00:00+08:00"), null, null, List.of(),
						List.of(), null, null, null),
				"test");
		String title = "新城区关爱独居老人上门探访" + suffix;
		Path photo = Chromium.photo(files, "活动照片.png", 40, 30);

		onNewPage("article-journey-failed", page -> {
			// the county user writes the article
			Chromium.logIn(page, county, PASSWORD);
			Chromium.menuLink(page, "/articles").click();
			page.locator("#new-article").click();
			assertThat(page).hasURL(Pattern.compile("/articles/new$"));
			assertThat(page.locator("#check-blocked")).isVisible();
			page.locator("#title").fill(title);
			page.locator("#campaignId").selectOption(String.valueOf(campaign));
			page.locator("#eventDate").fill("2022-03-20");
			page.locator("#eventPlace").fill("海拉尔东路社区");
			page.locator("#serviceObjects").fill("辖区独居老人");
			page.locator("#attendees").fill("社工3名、志愿者12名");
			assertThat(page.locator("#bodyHtml")).isHidden();
			page.locator("#body-editor").click();
			page.locator("#body-editor").fill("部份老人家里按装了扶手。" + SENTENCE.repeat(5));

			// the live check: errors for the missing image, warnings for length and wrong words
			Locator findings = page.locator("#check-findings li");
			assertThat(page.locator("#check-findings [data-kind='WRONG_WORD']")).hasCount(2);
			assertThat(page.locator("#check-findings [data-field='images']")).hasCount(1);
			assertThat(page.locator("#check-findings [data-kind='LENGTH_SHORT']"))
				.containsText(text("article.finding.length-short", 162, 400, 800));
			assertThat(findings.filter(new Locator.FilterOptions().setHasText("部份")))
				.containsText(text("article.finding.wrong-word", "部份", "部分"));
			page.locator("#images").setInputFiles(photo);
			assertThat(page.locator("#check-images")).hasText(text("article.check.images", 1));
			assertThat(page.locator("#check-ready")).isVisible();
			assertThat(page.locator("#check-findings [data-severity='ERROR']")).hasCount(0);
			assertThat(page.locator("#check-findings [data-severity='WARNING']")).hasCount(3);
			Chromium.screenshot(page, "article-journey-editor");

			page.locator("#submit-article").click();
			assertThat(page).hasURL(Pattern.compile("/articles/\\d+$"));
			assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("article.detail.submitted"));
			assertThat(page.locator("#article-title")).hasText(title);
			assertThat(page.locator("[data-status='SUBMITTED']")).isVisible();
			assertThat(page.locator("#article-history tr[data-step='SUBMIT']"))
				.containsText(text("article.finding.wrong-word", "按装", "安装"));
			String articleUrl = page.url();
			page.locator("#logout").click();

			// the city user approves and publishes it
			Chromium.logIn(page, city, PASSWORD);
			Chromium.menuLink(page, "/articles/review").click();
			page.locator("#article-list").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();
			assertThat(page).hasURL(articleUrl);
			page.locator("#comment").fill("内容翔实，同意采用");
			page.locator("#approve").click();
			assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("article.detail.approve-done"));
			assertThat(page.locator("[data-status='APPROVED']")).isVisible();
			page.locator("#publish").click();
			assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("article.detail.publish-done"));
			assertThat(page.locator("#published-badge")).isVisible();
			assertThat(page.locator("#article-history tr[data-step='APPROVE']")).containsText("内容翔实，同意采用");
			Chromium.screenshot(page, "article-journey-published");
		});

		// the public page shows it to anyone, without login
		onNewPage("article-journey-public-failed", visitor -> {
			openPublicArticle(visitor, "1501", title);
			assertThat(visitor.locator("#article-body")).containsText("部份老人家里按装了扶手");
			Locator image = visitor.locator("#article-images img");
			assertThat(image).hasCount(1);
			// the image is measured once it has arrived, however long the server took to send it
			visitor.waitForFunction("() => document.querySelector('#article-images img').complete");
			Object width = image.evaluate("img => img.complete ? img.naturalWidth : -1");
			org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isEqualTo(40);
			Chromium.screenshot(visitor, "article-journey-public");
		});
	}

}
