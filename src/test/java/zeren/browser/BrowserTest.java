package zeren.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Drives the running application with the system Chromium (never a downloaded one): one browser
 * per test class, a fresh browser context (no cookies) per test. All browser tests share one
 * application context and one in-memory database, so each test makes its own codes with
 * {@link #unique(String)}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

	/** The Chromium to drive; {@code -Dzeren.chromium=/path} overrides it. */
	static final Path CHROMIUM = Paths.get(System.getProperty("zeren.chromium", "/usr/bin/chromium"));

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

	private static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	/** Script errors and missing scripts or styles seen by the page; each test ends without any. */
	final List<String> pageProblems = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void launchBrowser() {
		if (!Files.isExecutable(CHROMIUM)) {
			fail("The browser tests need Chromium at " + CHROMIUM + " and it is missing. Install it with: "
					+ "apt-get update && apt-get install -y chromium fonts-noto-cjk "
					+ "(or run .ci/run, which does this), or point -Dzeren.chromium at another Chromium binary.");
		}
		playwright = Playwright.create(
				new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	zeren.access.Users users;

	/** Data a test sets up through the services is set up as the administrator, as in the API tests. */
	@BeforeEach
	void actAsAdministrator() {
		long adminId = users.findByUsername("admin").orElseThrow().id();
		org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
				org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
						new zeren.access.internal.ZerenUser(adminId, "admin"), null, java.util.List.of(
								new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_USER"))));
	}

	@org.junit.jupiter.api.AfterEach
	void stopActing() {
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
	}

	@BeforeEach
	void openPage() {
		// An English-speaking browser: the application must still answer in Chinese by default.
		context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900));
		context.setDefaultTimeout(10_000);
		page = context.newPage();
		page.onPageError(error -> pageProblems.add("script error: " + error));
		page.onResponse(response -> {
			String path = URI.create(response.url()).getPath();
			if (response.status() >= 400 && (path.startsWith("/webjars/") || path.startsWith("/css/"))) {
				pageProblems.add(response.status() + " for " + path);
			}
		});
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				pageProblems.add("CSP violation: " + message.text());
			}
		});
		if (signInAsAdministrator()) {
			signIn(ADMIN, ADMIN_PASSWORD);
		}
	}

	static final String ADMIN = "admin";

	/** Set for the tests in src/test/resources/application.properties. */
	static final String ADMIN_PASSWORD = "admin-test-password";

	/** Whether each test starts signed in as the administrator. */
	boolean signInAsAdministrator() {
		return true;
	}

	/** Signs in through the login page and waits for the page after it. */
	void signIn(String username, String password) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("form.login button[type=submit]").click();
		page.waitForLoadState();
	}

	@AfterEach
	void closePage() {
		if (context != null) {
			context.close();
		}
		assertThat(pageProblems).as("problems seen by the browser").isEmpty();
	}

	/** The absolute address of a page of the application under test. */
	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/**
	 * Chooses in the picker of form field {@code field} (fragments/picker): types {@code query} in
	 * its search box and clicks the match with id {@code id}.
	 */
	void pick(String field, String query, long id) {
		pickAt("picker-" + field, field, query, id);
	}

	/** {@link #pick} in the picker whose id is {@code pickerId} (fragments/picker :: pickerAt). */
	void pickAt(String pickerId, String field, String query, long id) {
		page.locator("#" + pickerId + "-search").fill(query);
		page.locator("#" + pickerId + " .picker-options [data-pick-id='" + id + "']").click();
		expect(page.locator("#" + pickerId + " .picker-chosen input[name='" + field + "'][value='" + id + "']"))
				.hasCount(1);
	}

	/** Opens a page of the application and waits until it is loaded. */
	Page open(String path) {
		page.navigate(url(path));
		return page;
	}

	/** Playwright's waiting assertions (AssertJ's {@code assertThat} is for everything else). */
	static LocatorAssertions expect(Locator locator) {
		return PlaywrightAssertions.assertThat(locator);
	}

	static PageAssertions expect(Page page) {
		return PlaywrightAssertions.assertThat(page);
	}

	/** The button whose whole label is {@code label}. */
	Locator button(String label) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
	}

	/** Answers 确定 in the confirmation dialog an irreversible action opened (layout's #confirm-dialog). */
	void confirm() {
		expect(page.locator("#confirm-dialog")).isVisible();
		page.locator("#confirm-ok").click();
	}

	/** The id at the end of the current address, e.g. 42 for {@code /orgs/42}. */
	long idInUrl() {
		String path = URI.create(page.url()).getPath();
		return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
	}

	/** A code no other test uses, e.g. {@code T-K3X9-7}. */
	static String unique(String prefix) {
		return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
	}

	/** Saves a full-page screenshot to {@code target/screenshots/<name>.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}
}
