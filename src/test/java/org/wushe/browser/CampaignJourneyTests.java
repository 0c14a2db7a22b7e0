package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.Role;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * In real Chromium, the theme campaign end to end (issue 4): the 呼和浩特市 user imports a filled-in 附件1 with one bad
 * row, sees the row and column refused, uploads the corrected table and submits the progress report before the
 * deadline; the province sees the league on time on the completeness board and the totals move, returns the report
 * with a reason; the league user reads the reason and resubmits; finally an article of the league is approved and
 * published by the province and appears on the public page without login.
 */
class CampaignJourneyTests extends BrowserJourney {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final List<String> HEADER = List.of("序号", "活动名称", "参与活动的单位或社会组织（团队）名称", "参与人次", "活动开展时间", "活动地点", "活动内容",
			"服务领域（老年人、残疾人、妇女、儿童青少年、困难群体等）", "受益人次", "链接资金（元）", "链接物资折价（元）", "备注");

	static final String SENTENCE = "呼和浩特市社工站联合新华街社区开展五社联动关爱空巢老人志愿服务活动，";

	@Autowired
	CampaignService campaigns;

	@TempDir
	Path files;

	@Test
	void aLeagueImportsSubmitsIsReturnedResubmitsAndPublishesAnArticle() throws Exception {
		String suffix = suffix();
		String city = "hohhot-c-" + suffix;
		String province = "nmg-c-" + suffix;
		account(city, "呼和浩特市民政局", "1501", Role.CITY_STAFF);
		account(province, "内蒙古自治区民政厅", "15", Role.PROVINCE_STAFF);
		// the first deadline is 20 hours away: reminders are due, and a submission now is on time
		Instant due = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES);
		LocalDate today = LocalDate.now(SHANGHAI);
		String campaignName = "社会工作主题宣传活动" + suffix;
		long campaign = campaigns.create(new RegionScope(new RegionCode("15")),
				new CampaignInput(null, campaignName, "五社联动聚合力 社工服务暖基层", "15", 2, today.minusDays(5).toString(),
						today.plusDays(10).toString(), List.of(due.toString(), due.plus(Duration.ofDays(7)).toString()),
						null, null, List.of(), List.of(), null, null, null),
				"test");
		LocalDate held = today.minusDays(2);
		Path bad = workbook("附件1-有误.xlsx", held, "很多");
		Path fixed = workbook("附件1-已更正.xlsx", held, "45");
		String title = "呼和浩特市五社联动关爱空巢老人" + suffix;
		Path photo = Chromium.photo(files, "活动照片.png", 48, 32);
		String reason = "第3行参与人次与台账不一致，请核实后重新报送";

		onNewPage("campaign-journey-failed", page -> {
			// 1. the league user imports the table, sees the refused row, uploads the corrected one and submits
			Chromium.logIn(page, city, PASSWORD);
			Locator reminder = page.locator("#home-reminders [data-campaign='" + campaign + "']");
			assertThat(reminder).containsText(campaignName);
			Chromium.menuLink(page, "/campaigns").click();
			page.locator("#campaign-list").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(campaignName))
				.click();
			assertThat(page.locator("#campaign-name")).hasText(campaignName);
			page.locator("#activities-link").click();
			assertThat(page.locator("#total-activities")).hasText("0");
			page.locator("#import-activities").click();
			page.locator("#file").setInputFiles(bad);
			page.locator("#mode-all").check();
			page.locator("#import-submit").click();
			assertThat(page.locator("#import-result")).containsText(text("activity.import.nothing-stored"));
			Locator rejected = page.locator("#rejected-rows tbody tr");
			assertThat(rejected).hasCount(1);
			assertThat(rejected.locator("td").nth(0)).hasText("6");
			assertThat(rejected.locator("td").nth(1)).hasText("D");
			assertThat(rejected.locator("td").nth(2)).containsText("很多");
			Chromium.screenshot(page, "campaign-journey-rejected");

			page.locator("#file").setInputFiles(fixed);
			page.locator("#import-submit").click();
			assertThat(page.locator("#imported-count")).hasText(text("activity.import.imported", 3));
			assertThat(page.locator("#rejected-rows")).hasCount(0);

			page.locator("nav.small a").first().click();
			assertThat(page.locator("#total-activities")).hasText("3");
			page.locator("nav.small a").first().click();
			page.locator("#deadlines tr").first().getByText(text("campaign.show.my-report")).click();
			assertThat(page.locator("#report-status")).hasText(text("campaign.report.status.draft"));
			assertThat(page.locator("#report-rows tbody tr")).hasCount(3);
			page.locator("#reporterPhone").fill("0471-6900000");
			page.locator("#submit-report").click();
			assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("campaign.report.flash.submitted"));
			assertThat(page.locator("#report-status")).hasText(text("campaign.report.status.submitted"));
			assertThat(page.locator("#unit-status")).hasText(text("campaign.unit-status.on-time"));
			page.locator("#logout").click();

			// 2. the province sees the league on time on the completeness board, and the totals moved
			Chromium.logIn(page, province, PASSWORD);
			Chromium.menuLink(page, "/campaigns").click();
			page.locator("#campaign-list").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(campaignName))
				.click();
			page.locator("#deadlines tr").first().getByText(text("campaign.show.completeness")).click();
			Locator league = page.locator("#units tr[data-unit='1501']");
			assertThat(league).containsText(text("campaign.unit-status.on-time"));
			assertThat(page.locator("#counts [data-status='ON_TIME']")).hasText("1");
			assertThat(page.locator("#units tr[data-unit='1502']")).containsText(text("campaign.unit-status.pending"));
			Chromium.screenshot(page, "campaign-journey-board");
			page.locator("nav.small a").first().click();
			page.locator("#activities-link").click();
			assertThat(page.locator("#total-activities")).hasText("3");

			// 3. the province returns the report with a reason
			page.goBack();
			page.locator("#deadlines tr").first().getByText(text("campaign.show.completeness")).click();
			page.locator("#units tr[data-unit='1501'] a").click();
			page.locator("#reason").fill(reason);
			page.locator("#return-report").click();
			assertThat(page.getByRole(AriaRole.STATUS)).hasText(text("campaign.report.flash.returned"));
			assertThat(page.locator("#report-status")).hasText(text("campaign.report.status.returned"));
			page.locator("#logout").click();

			// 4. the league user reads the reason and resubmits
			Chromium.logIn(page, city, PASSWORD);
			Chromium.menuLink(page, "/campaigns").click();
			page.locator("#campaign-list").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(campaignName))
				.click();
			page.locator("#deadlines tr").first().getByText(text("campaign.show.my-report")).click();
			assertThat(page.locator("#report-status")).hasText(text("campaign.report.status.returned"));
			assertThat(page.locator("#open-return")).containsText(reason);
			page.locator("#submit-report").click();
			assertThat(page.locator("#report-status")).hasText(text("campaign.report.status.resubmitted"));
			assertThat(page.locator("#open-return")).hasCount(0);
			assertThat(page.locator("#versions li")).hasCount(2);
			Chromium.screenshot(page, "campaign-journey-resubmitted");

			// 5a. the league user writes and submits an article
			Chromium.menuLink(page, "/articles").click();
			page.locator("#new-article").click();
			page.locator("#title").fill(title);
			page.locator("#campaignId").selectOption(String.valueOf(campaign));
			page.locator("#eventDate").fill(held.toString());
			page.locator("#eventPlace").fill("新华街社区");
			page.locator("#serviceObjects").fill("辖区空巢老人");
			page.locator("#attendees").fill("社工4名、志愿者20名");
			page.locator("#body-editor").click();
			page.locator("#body-editor").fill(SENTENCE.repeat(14));
			page.locator("#images").setInputFiles(photo);
			assertThat(page.locator("#check-ready")).isVisible();
			page.locator("#submit-article").click();
			assertThat(page.locator("[data-status='SUBMITTED']")).isVisible();
			String articleUrl = page.url();
			page.locator("#logout").click();

			// 5b. the province approves and publishes it
			Chromium.logIn(page, province, PASSWORD);
			Chromium.menuLink(page, "/articles/review").click();
			page.locator("#article-list").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();
			assertThat(page).hasURL(articleUrl);
			page.locator("#comment").fill("主题突出，同意采用");
			page.locator("#approve").click();
			assertThat(page.locator("[data-status='APPROVED']")).isVisible();
			page.locator("#publish").click();
			assertThat(page.locator("#published-badge")).isVisible();
		});

		// 5c. anyone sees it on the public page
		onNewPage("campaign-journey-public-failed", visitor -> {
			openPublicArticle(visitor, "1501", title);
			assertThat(visitor.locator("#article-images img")).hasCount(1);
			Chromium.screenshot(visitor, "campaign-journey-public");
		});
	}

	/** A 附件1 as a league fills it in: title, 填报 line, header, three rows; the third row's 参与人次 is given. */
	private Path workbook(String name, LocalDate held, String thirdParticipants) throws IOException {
		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "盟市社会工作主题宣传活动工作进展情况统计表" });
		rows.add(new Object[] { "填报单位：呼和浩特市民政局" });
		rows.add(HEADER.toArray());
		String date = held.getYear() + "年" + held.getMonthValue() + "月" + held.getDayOfMonth() + "日";
		rows.add(new Object[] { "1", "敬老义诊进社区", "新城区社工站", "120", date, "新华街社区", "义诊、健康讲座", "老年人、残疾人", "150",
				"1,200.50元", "800", "" });
		rows.add(new Object[] { "2", "儿童安全课堂", "回民区社工站", "６０", held.toString(), "光明路小学", "防溺水宣传", "儿童青少年", "80", "0",
				"300元", "" });
		rows.add(new Object[] { "3", "困难家庭走访", "赛罕区社工站", thirdParticipants, held.toString(), "大学东路社区", "走访慰问",
				"困难群体", "30", "2000", "0", "" });
		Path file = files.resolve(name);
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = wb.createSheet("附件1");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				Object[] values = rows.get(r);
				for (int c = 0; c < values.length; c++) {
					row.createCell(c).setCellValue(String.valueOf(values[c]));
				}
			}
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
			wb.write(out);
		}
		return file;
	}

}
