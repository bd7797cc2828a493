package org.example.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/** Headless Chromium (the system's, driven by /usr/bin/chromedriver) with a throw-away profile. */
final class Chromium implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final String baseUrl;
	private final Path profile;
	private final ChromeDriver driver;

	Chromium(String baseUrl) throws IOException {
		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		this.baseUrl = baseUrl;
		this.profile = Files.createTempDirectory("library-chrome-");
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--user-data-dir=" + profile.toAbsolutePath());
		this.driver = new ChromeDriver(options);
	}

	Chromium open(String pathOrUrl) {
		driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
		return this;
	}

	Chromium type(String id, String text) {
		driver.findElement(By.id(id)).sendKeys(text);
		return this;
	}

	/** Clicks a button or link and waits until the next page has replaced this one. */
	Chromium click(String id) {
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(By.id(id)).click();
		new WebDriverWait(driver, TIMEOUT).until(driver -> gone(page));
		return this;
	}

	/** Chromedriver sometimes answers "node does not belong to the document" instead of "stale": both mean gone. */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException | NoSuchElementException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			return ex.getMessage() != null && ex.getMessage().contains("does not belong to the document");
		}
	}

	String text(String id) {
		return new WebDriverWait(driver, TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
			.getText();
	}

	boolean has(String id) {
		return !driver.findElements(By.id(id)).isEmpty();
	}

	String path() {
		return URI.create(driver.getCurrentUrl()).getPath();
	}

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(profile);
		}
	}
}
