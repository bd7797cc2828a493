package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with its own profile directory. Every page reached through {@link #open}
 * or {@link #submit} is checked for a clean console: no SEVERE entry and nothing about the
 * Content Security Policy.
 */
final class Browser implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(15);
	static final String PHONE_USER_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

	static {
		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
	}

	private final String baseUrl;
	private final Path profile;
	private final boolean ownsProfile;
	private final ChromeDriver driver;
	private final List<String> visited = new ArrayList<>();

	private Browser(String baseUrl, Path profile, boolean ownsProfile, String userAgent) {
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.ownsProfile = ownsProfile;
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		if (userAgent != null) {
			options.addArguments("--user-agent=" + userAgent);
		}
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		this.driver = new ChromeDriver(options);
	}

	/** A browser with a fresh profile, deleted when closed. */
	static Browser start(int port) {
		return start(port, null);
	}

	static Browser start(int port, String userAgent) {
		return new Browser("http://localhost:" + port, newProfile(), true, userAgent);
	}

	/** A browser on an existing profile ("the same browser, restarted"); the profile is kept when closed. */
	static Browser restart(int port, Path profile) {
		return new Browser("http://localhost:" + port, profile, false, null);
	}

	static Path newProfile() {
		try {
			return Files.createTempDirectory("gatehouse-chrome-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ChromeDriver driver() {
		return driver;
	}

	Path profile() {
		return profile;
	}

	String url(String path) {
		return baseUrl + path;
	}

	/** Navigates to a path of the server (or to an absolute URL of it) and checks the console. */
	Browser open(String pathOrUrl) {
		driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
		loaded();
		return this;
	}

	/**
	 * Navigates to a page that answers with an error status on purpose (an expired or used link):
	 * the browser's console entry for that very document and status is expected, nothing else is.
	 */
	Browser openExpectingStatus(String pathOrUrl, int status) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
		driver.get(url);
		new WebDriverWait(driver, TIMEOUT)
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		visited.add(url);
		List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
		String expected = url + " - Failed to load resource: the server responded with a status of " + status + " ";
		assertThat(entries).as("console of %s", url).anyMatch(e -> e.getMessage().equals(expected + "()")
				|| e.getMessage().startsWith(expected));
		List<String> problems = entries.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue() || mentionsCsp(e))
			.filter(e -> !e.getMessage().startsWith(expected))
			.map(e -> e.getLevel() + " " + e.getMessage())
			.toList();
		assertThat(problems).as("unexpected console errors / CSP violations on %s", url).isEmpty();
		return this;
	}

	/** Clicks a submit button and waits for the next page, then checks its console. */
	Browser submit(By button) {
		WebElement html = driver.findElement(By.tagName("html"));
		driver.findElement(button).click();
		new WebDriverWait(driver, TIMEOUT).until(d -> isStale(html));
		loaded();
		return this;
	}

	/** Chromedriver sometimes answers "node does not belong to the document" instead of "stale": both mean gone. */
	private static boolean isStale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			return ex.getMessage() != null && ex.getMessage().contains("does not belong to the document");
		}
	}

	Browser type(By field, String text) {
		WebElement element = driver.findElement(field);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	WebElement waitFor(By locator) {
		return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	boolean has(By locator) {
		return !driver.findElements(locator).isEmpty();
	}

	String path() {
		return java.net.URI.create(driver.getCurrentUrl()).getPath();
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	Cookie cookie(String name) {
		return driver.manage().getCookieNamed(name);
	}

	List<Cookie> cookiesStartingWith(String prefix) {
		return driver.manage().getCookies().stream().filter(c -> c.getName().startsWith(prefix)).toList();
	}

	void screenshot(String name) {
		try {
			Path dir = Paths.get("target", "screenshots");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Pages visited so far, in order. */
	List<String> visited() {
		return visited;
	}

	private void loaded() {
		new WebDriverWait(driver, TIMEOUT)
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		String page = driver.getCurrentUrl();
		visited.add(page);
		assertCleanConsole(page);
	}

	/** Reads (and so clears) the console log: no errors, no CSP violation, nothing tolerated. */
	void assertCleanConsole(String page) {
		List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue() || mentionsCsp(e))
			.map(e -> e.getLevel() + " " + e.getMessage())
			.toList();
		assertThat(problems).as("console errors / CSP violations on %s", page).isEmpty();
	}

	private static boolean mentionsCsp(LogEntry entry) {
		String message = entry.getMessage();
		return message.contains("Content Security Policy") || message.contains("Refused to");
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			if (ownsProfile) {
				deleteProfile(profile);
			}
		}
	}

	static void deleteProfile(Path profile) {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temp directory is not worth failing a test for
		}
	}
}
