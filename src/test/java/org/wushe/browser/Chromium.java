package org.wushe.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The system's Chromium ({@code /usr/bin/chromium}) driven by Playwright, headless. Playwright never downloads a
 * browser of its own. One instance per test class; every {@link #newPage(String)} is a fresh, cookie-less session.
 */
public final class Chromium implements AutoCloseable {

	static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

	static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

	/** Where screenshots go: under the build directory, never committed. */
	public static final Path SCREENSHOTS = Path.of("target", "browser");

	private final Playwright playwright;

	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static Chromium launch() {
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		try {
			Browser browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
			return new Chromium(playwright, browser);
		}
		catch (RuntimeException ex) {
			playwright.close();
			throw ex;
		}
	}

	/** A page in a new browser context, Chinese locale, Asia/Shanghai, with {@code baseUrl} for relative navigation. */
	public Page newPage(String baseUrl) {
		Page page = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
			.setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setViewportSize(1280, 900)).newPage();
		page.setDefaultTimeout(15_000);
		return page;
	}

	/** A page in a new browser context as {@link #newPage(String)}, with a window of {@code width} × {@code height}. */
	public Page newPage(String baseUrl, int width, int height) {
		Page page = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
			.setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setViewportSize(width, height)).newPage();
		page.setDefaultTimeout(15_000);
		return page;
	}

	/** Saves a full-page screenshot as {@code target/browser/<name>.png} and returns its path. */
	public static Path screenshot(Page page, String name) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	/** Logs in through the login form and waits for the home page. */
	public static void logIn(Page page, String username, String password) {
		submitLogin(page, username, password);
		assertThat(page).hasURL(Pattern.compile("/$"));
	}

	/** Fills in and sends the login form, wherever it leads (the home page, a forced password change …). */
	public static void submitLogin(Page page, String username, String password) {
		page.navigate("/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("#login-submit").click();
	}

	/** The main navigation's link to {@code href}. */
	public static Locator menuLink(Page page, String href) {
		return page.locator("#sidebar a.nav-link[href='" + href + "']");
	}

	/** A checkered orange-and-white PNG of the given size, written to {@code dir/name}, for upload fields. */
	public static Path photo(Path dir, String name, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, (x + y) % 2 == 0 ? Color.ORANGE.getRGB() : Color.WHITE.getRGB());
			}
		}
		Path file = dir.resolve(name);
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	@Override
	public void close() {
		try {
			browser.close();
		}
		finally {
			playwright.close();
		}
	}

}
