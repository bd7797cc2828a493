package org.gatehouse.breach;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code gatehouse.passwords.breached.*} settings: whether new passwords are looked up in a corpus of
 * breached passwords (Have I Been Pwned's range API or a local file of SHA-1 hashes), and what a hit or an
 * unreachable service means.
 */
@ConfigurationProperties(prefix = "gatehouse.passwords.breached")
public class BreachedPasswordsProperties {

	public enum Source {
		/** Have I Been Pwned's range API (k-anonymity: only 5 hex characters of the SHA-1 leave the server). */
		API,
		/** A local file of SHA-1 hashes, for sites without internet access. */
		FILE
	}

	public enum Mode {
		/** A breached password is refused with a field error. */
		REFUSE,
		/** A breached password is accepted with a notice. */
		WARN
	}

	/** SECURITY_PASSWORD_CHECK_BREACHED: look new passwords up at all (off: no request ever leaves the server). */
	private boolean enabled;
	private Source source = Source.API;
	private Mode mode = Mode.REFUSE;
	/** When the corpus cannot be asked (service down, slow, file unreadable): true accepts the password, false refuses it. */
	private boolean failOpen = true;
	/** Range API base URL; the 5-character prefix is appended. */
	private String apiUrl = "https://api.pwnedpasswords.com/range/";
	/** Longest wait for the range API (connect and answer). */
	private Duration timeout = Duration.ofSeconds(2);
	/** Range answers kept in memory (about 15 KB each); 0 keeps none. */
	private int cacheSize = 1000;
	/** How long a range answer is kept. */
	private Duration cacheDuration = Duration.ofHours(1);
	/** With source=file: lines of 40 hex digits, optionally ":count", sorted by hash (as HIBP's downloader writes them). */
	private Path file;
	/** Also look the password up at each password login; a breached one must be changed before anything else. */
	private boolean checkAtLogin;

	public boolean isEnabled() { return enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
	public Source getSource() { return source; }
	public void setSource(Source source) { this.source = source; }
	public Mode getMode() { return mode; }
	public void setMode(Mode mode) { this.mode = mode; }
	public boolean isFailOpen() { return failOpen; }
	public void setFailOpen(boolean failOpen) { this.failOpen = failOpen; }
	public String getApiUrl() { return apiUrl; }
	public void setApiUrl(String apiUrl) { this.apiUrl = apiUrl; }
	public Duration getTimeout() { return timeout; }
	public void setTimeout(Duration timeout) { this.timeout = timeout; }
	public int getCacheSize() { return cacheSize; }
	public void setCacheSize(int cacheSize) { this.cacheSize = cacheSize; }
	public Duration getCacheDuration() { return cacheDuration; }
	public void setCacheDuration(Duration cacheDuration) { this.cacheDuration = cacheDuration; }
	public Path getFile() { return file; }
	public void setFile(Path file) { this.file = file; }
	public boolean isCheckAtLogin() { return checkAtLogin; }
	public void setCheckAtLogin(boolean checkAtLogin) { this.checkAtLogin = checkAtLogin; }
}
