package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.access.Role;
import org.wushe.campaign.CampaignInput;
import org.wushe.campaign.CampaignService;
import org.wushe.campaign.Deadline;
import org.wushe.campaign.ProgressReports;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * In real Chromium, for every role the demo offers, on a 1366×900 screen and a 390×844 phone, in Chinese and in
 * English: the page never scrolls sideways, no menu entry wraps or is cut off, and on the phone the menu is folded
 * away behind its button and the page's heading is within the top 300 pixels; the workbench shows the role's to-dos
 * of a campaign whose first deadline has passed with one township's report returned.
 */
class LayoutJourneyTests extends BrowserJourney {

	/** A demo seat and the to-do its workbench must show (a {@code data-kind}), or none. */
	record Seat(String name, String region, Role role, String toDo) {
	}

	static final List<Seat> SEATS = List.of(new Seat("admin", "15", Role.ADMIN, "report-behind"),
			new Seat("内蒙古自治区民政厅", "15", Role.PROVINCE_STAFF, "report-behind"),
			new Seat("内蒙古自治区民政厅领导", "15", Role.LEADER, null),
			new Seat("呼和浩特市民政局", "1501", Role.CITY_STAFF, "report-behind"),
			new Seat("新城区民政局", "150102", Role.COUNTY_STAFF, "report-behind"),
			new Seat("海拉尔东路街道社工站", "150102001", Role.TOWNSHIP_STAFF, "report-returned"),
			new Seat("海拉尔东路街道社工站驻站社工", "150102001", Role.STATION_WORKER, null));

	@Autowired
	CampaignService campaigns;

	@Autowired
	ProgressReports reports;

	/** A township-reported campaign of 新城区 whose first deadline has passed; one township's report was returned. */
	long campaignWithAReturn(String suffix) {
		Instant now = Instant.now();
		LocalDate today = LocalDate.now(Deadline.ZONE);
		long id = campaigns.create(new RegionScope(RegionCode.parse("150102")),
				new CampaignInput(null, "layout-" + suffix, "t", "150102", 4, today.minusDays(9).toString(),
						today.plusDays(9).toString(),
						List.of(now.minus(2, ChronoUnit.DAYS).toString(), now.plus(5, ChronoUnit.DAYS).toString()),
						null, null, null, null, null, null, null),
				"test");
		reports.submit(new RegionScope(RegionCode.parse("150102001")), id, 1, RegionCode.parse("150102001"), "张三",
				"13900000000", "test");
		reports.returnReport(new RegionScope(RegionCode.parse("150102")), id, 1, RegionCode.parse("150102001"),
				"数字不全", "test");
		return id;
	}

	/** Pages with wide tables or forms, visited when the role's menu holds them. */
	static final List<String> WIDE_PAGES = List.of("/volunteers", "/workers", "/sites", "/campaigns", "/stats");

	@Test
	void everyRoleFitsOnAWideScreenAndOnAPhoneInBothLanguages() throws Exception {
		String suffix = suffix();
		long campaign = campaignWithAReturn(suffix);
		List<String> failures = new ArrayList<>();
		for (Seat seat : SEATS) {
			String username = account("lay-" + seat.role().name().toLowerCase() + "-" + suffix, seat.name(),
					seat.region(), seat.role());
			for (String lang : List.of("zh_CN", "en")) {
				check(seat, campaign, username, lang, 1366, 900, failures);
				check(seat, campaign, username, lang, 390, 844, failures);
			}
		}
		assertThat(failures).isEmpty();
	}

	private void check(Seat seat, long campaign, String username, String lang, int width, int height,
			List<String> failures) {
		Page page = chromium.newPage(baseUrl(), width, height);
		// the machine may be busy: this test is about layout, not speed
		page.setDefaultTimeout(60_000);
		String where = username + " " + lang + " " + width + "x" + height;
		try {
			Chromium.logIn(page, username, PASSWORD);
			page.navigate("/?lang=" + lang);
			assertThat(page.locator("#current-campaigns [data-current-campaign='" + campaign + "']")).hasCount(1);
			if (seat.toDo() != null) {
				assertThat(page.locator("#todos [data-kind='" + seat.toDo() + "'][data-campaign='" + campaign + "']"))
					.isVisible();
			}
			List<String> pages = new ArrayList<>(List.of("/"));
			for (String wide : WIDE_PAGES) {
				if (Chromium.menuLink(page, wide).count() > 0) {
					pages.add(wide);
				}
			}
			for (String path : pages) {
				page.navigate(path);
				page.waitForLoadState();
				String at = where + " " + path;
				if (Boolean.TRUE.equals(page.evaluate(
						"() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))) {
					failures.add(at + ": the page scrolls sideways");
					Chromium.screenshot(page, "layout-" + username + "-" + lang + "-" + width + path.replace('/', '-'));
				}
				if (width < 992) {
					assertThat(page.locator("#sidebar")).not().isVisible();
					assertThat(page.locator("#menu-button")).isVisible();
					double top = page.locator("main h1").first().boundingBox().y;
					if (top > 300) {
						failures.add(at + ": the heading starts at " + top + " px");
					}
				}
				else {
					assertThat(page.locator("#sidebar")).isVisible();
				}
			}
			if (width < 992) {
				page.locator("#menu-button").click();
				assertThat(page.locator("#sidebar")).isVisible();
			}
			Object wrapped = page.evaluate("""
					() => Array.from(document.querySelectorAll('#sidebar .nav-link, #sidebar .app-menu-heading'))
					  .filter(a => a.scrollWidth > a.clientWidth
					    || a.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(a).lineHeight))
					  .map(a => a.textContent.trim())""");
			if (!((List<?>) wrapped).isEmpty()) {
				failures.add(where + ": menu entries that wrap or are cut off: " + wrapped);
			}
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(page, "layout-failed-" + username + "-" + lang + "-" + width);
			failures.add(where + ": " + ex.getMessage());
		}
		finally {
			page.context().close();
		}
	}

	/**
	 * On a 390 px phone the campaign list is a pile of cards, each value under its column's header, none wider than
	 * the screen; at 1366 px it is a table again. The county's workbench shows the campaign's next deadline and the
	 * units' standing, shortcuts, and the region's key figures.
	 */
	@Test
	void listTablesAreCardsOnAPhoneAndTheWorkbenchShowsCampaignShortcutsAndFigures() throws Exception {
		String suffix = suffix();
		long campaign = campaignWithAReturn("cards-" + suffix);
		String county = account("cards-" + suffix, "新城区民政局", "150102", Role.COUNTY_STAFF);
		Page page = chromium.newPage(baseUrl(), 390, 844);
		page.setDefaultTimeout(60_000);
		try {
			Chromium.logIn(page, county, PASSWORD);
			page.navigate("/?lang=zh_CN");
			assertThat(page.locator("#current-campaigns [data-current-campaign='" + campaign + "']"))
				.containsText("下级已报送");
			assertThat(page.locator("#shortcuts a[href='/campaigns']")).isVisible();
			assertThat(page.locator("#key-figures [data-figure='home.figure.activities'] .figure-value")).isVisible();

			page.navigate("/campaigns");
			Locator table = page.locator("#campaign-list");
			assertThat(table).hasClass(java.util.regex.Pattern.compile("table-cards"));
			Locator first = table.locator("tbody tr").first().locator("td").first();
			assertThat(first).hasAttribute("data-label", text("field.name"));
			assertThat(first).hasCSS("display", "flex");
			// the header shows as the cell's label, the table's own header row is out of sight
			Object label = page.evaluate(
					"() => getComputedStyle(document.querySelector('#campaign-list tbody td'), '::before').content");
			assertThat(String.valueOf(label)).contains(text("field.name"));
			assertThat(page.evaluate("() => document.querySelector('#campaign-list thead').getBoundingClientRect().height"))
				.isEqualTo(1);
			Object tooWide = page.evaluate("""
					() => Array.from(document.querySelectorAll('#campaign-list tbody tr'))
					  .filter(tr => tr.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length""");
			assertThat(((Number) tooWide).intValue()).isZero();

			page.setViewportSize(1366, 900);
			assertThat(first).hasCSS("display", "table-cell");
			assertThat(page.locator("#campaign-list thead")).isVisible();
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(page, "layout-cards-failed");
			throw ex;
		}
		finally {
			page.context().close();
		}
	}

}
