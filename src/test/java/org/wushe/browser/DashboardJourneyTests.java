package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.Role;
import org.wushe.activity.ActivityInput;
import org.wushe.activity.ActivityService;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * A province leader opens the dashboard, drills down through the child comparison to a township, and exports the
 * figures; the workbook holds the township's numbers.
 */
class DashboardJourneyTests extends BrowserJourney {

	@Autowired
	CampaignService campaigns;

	@Autowired
	ActivityService activities;

	@Test
	void aLeaderDrillsDownToATownshipAndExports() throws Exception {
		RegionScope all = new RegionScope(RegionCode.COUNTRY);
		long campaign = campaigns.create(new RegionScope(RegionCode.parse("15")),
				new CampaignInput(null, "dashboard-journey", "theme", "15", 2, "2025-01-01", "2025-12-31",
						List.of("2025-12-31T17:00:00+08:00"), null, null, null, null, null, null, null),
				"test");
		for (String village : List.of("150102001001", "150102001002", "150102002001", "150105001001")) {
			activities.record(all, campaign, new ActivityInput(village, "journey", null, "12", "2025-03-20", null,
					null, null, List.of("ELDERLY"), "40", "100", "0", null), "test");
		}
		String leader = account("journey-leader", "journey-leader", "15", Role.LEADER);

		Page page = newPage();
		Chromium.submitLogin(page, leader, PASSWORD);
		page.navigate("/stats?from=2025-01-01&to=2025-12-31");
		assertThat(page.locator("#stats-region")).containsText("内蒙古自治区");
		assertThat(page.locator("[data-indicator=activities]")).hasText("4");

		page.locator("#children-table a", new Page.LocatorOptions().setHasText("呼和浩特市")).click();
		assertThat(page.locator("#stats-region")).containsText("呼和浩特市");
		assertThat(page.locator("[data-indicator=activities]")).hasText("4");
		page.locator("#children-table a", new Page.LocatorOptions().setHasText("新城区")).click();
		assertThat(page.locator("[data-indicator=activities]")).hasText("3");
		page.locator("#children-table a", new Page.LocatorOptions().setHasText("海拉尔东路街道")).click();
		assertThat(page.locator("#stats-region")).containsText("海拉尔东路街道");
		assertThat(page.locator("[data-indicator=activities]")).hasText("2");
		assertThat(page.locator("#stats-breadcrumbs")).containsText("新城区");
		// the charts were drawn from the JSON endpoint
		page.waitForSelector("#chart-series canvas");
		Chromium.screenshot(page, "dashboard-township");

		Download download = page.waitForDownload(() -> page.click("#stats-export"));
		try (InputStream in = Files.newInputStream(download.path()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("海拉尔东路街道");
			assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2);
		}

		page.locator("#stats-breadcrumbs a", new Page.LocatorOptions().setHasText("内蒙古自治区")).click();
		assertThat(page.locator("[data-indicator=activities]")).hasText("4");
	}

}
