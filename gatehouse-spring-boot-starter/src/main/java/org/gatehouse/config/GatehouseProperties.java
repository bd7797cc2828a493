package org.gatehouse.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared part of the {@code gatehouse.*} tree: mode, secret keys, data directory, features, URLs and templates,
 * which many features read, and the subtrees read by a package below their feature (session, csrf and remember-me
 * by the cookie policy in http, recaptcha by the security headers, throttle by the one Redis decision in redis), which
 * would otherwise make the lower package import the feature above it. Each other subtree is bound by a
 * {@code *Properties} class in its feature's package, named in docs/configuration.md with each key's Invenio /
 * Flask-Security equivalent.
 */
@ConfigurationProperties(prefix = "gatehouse")
public class GatehouseProperties {

	public enum Mode { DEVELOPMENT, PRODUCTION }

	/** development (default) or production; production refuses unsafe settings at start-up. */
	private Mode mode = Mode.DEVELOPMENT;

	/** SECRET_KEY: at least 32 random bytes. Development generates one into the data directory. */
	private String secretKey;

	/** Previous secret keys still accepted when verifying signatures (key rotation without logout). */
	private List<String> secretKeyFallbacks = new ArrayList<>();

	/** Serve Gatehouse's home page at gatehouse.urls.home; an embedding application turns it off for its own. */
	private boolean homePageEnabled = true;

	/** Directory for the embedded database and the generated development secret key. */
	private Path dataDirectory = Path.of("data");

	private final Csrf csrf = new Csrf();
	private final Session session = new Session();
	private final RememberMe rememberMe = new RememberMe();
	private final Recaptcha recaptcha = new Recaptcha();
	private final Features features = new Features();
	private final I18n i18n = new I18n();
	private final Urls urls = new Urls();
	private final Templates templates = new Templates();
	private final Throttle throttle = new Throttle();

	public boolean isProduction() { return mode == Mode.PRODUCTION; }

	public Mode getMode() { return mode; }
	public void setMode(Mode mode) { this.mode = mode; }
	public String getSecretKey() { return secretKey; }
	public void setSecretKey(String secretKey) { this.secretKey = secretKey; }
	public List<String> getSecretKeyFallbacks() { return secretKeyFallbacks; }
	public void setSecretKeyFallbacks(List<String> secretKeyFallbacks) { this.secretKeyFallbacks = secretKeyFallbacks; }
	public Path getDataDirectory() { return dataDirectory; }
	public void setDataDirectory(Path dataDirectory) { this.dataDirectory = dataDirectory; }
	public boolean isHomePageEnabled() { return homePageEnabled; }
	public void setHomePageEnabled(boolean homePageEnabled) { this.homePageEnabled = homePageEnabled; }
	public Csrf getCsrf() { return csrf; }
	public Session getSession() { return session; }
	public RememberMe getRememberMe() { return rememberMe; }
	public Recaptcha getRecaptcha() { return recaptcha; }
	public Features getFeatures() { return features; }
	public I18n getI18n() { return i18n; }
	public Urls getUrls() { return urls; }
	public Templates getTemplates() { return templates; }
	public Throttle getThrottle() { return throttle; }

	public static class Csrf {
		/** REST_CSRF_ENABLED: check X-CSRFToken against the csrftoken cookie on unsafe cookie requests. */
		private boolean restEnabled = true;
		/** Name of the REST CSRF cookie (CSRF_COOKIE_NAME); "__Host-" is prefixed when cookies are Secure. */
		private String cookieName = "csrftoken";
		/** Header that must repeat the REST CSRF cookie (CSRF_HEADER). */
		private String headerName = "X-CSRFToken";

		public boolean isRestEnabled() { return restEnabled; }
		public void setRestEnabled(boolean restEnabled) { this.restEnabled = restEnabled; }
		public String getCookieName() { return cookieName; }
		public void setCookieName(String cookieName) { this.cookieName = cookieName; }
		public String getHeaderName() { return headerName; }
		public void setHeaderName(String headerName) { this.headerName = headerName; }
	}

	public static class Session {
		public enum Store { MEMORY, JDBC, REDIS }
		/** memory | jdbc | redis. Unset: redis when redis-url is set, else jdbc (embedded database). */
		private Store store;
		/**
		 * ACCOUNTS_SESSION_REDIS_URL, e.g. redis://localhost:6379/0. Gatehouse opens its own connection to it for sessions
		 * and throttle counters; the application's spring.data.redis.* stay its own.
		 */
		private String redisUrl;
		/** A session unused for this long ends (enforced by the store). */
		private Duration idleTimeout = Duration.ofMinutes(30);
		/** A session older than this ends, however active. */
		private Duration absoluteTimeout = Duration.ofHours(12);
		/** ACCOUNTS_SESSION_ACTIVITY_ENABLED: record one activity row per live session. */
		private boolean activityEnabled = true;
		/** Shortest interval between two last-seen writes of one session (activity row and session store); 0 writes the store every request. */
		private Duration activityWriteInterval = Duration.ofMinutes(1);
		/**
		 * Session attribute values (the security context of each active session) kept deserialised in memory,
		 * keyed by their stored bytes, so a request does not deserialise them again; 0 turns the cache off.
		 */
		private long attributeCacheSize = 2000;
		/**
		 * Further classes (fully qualified names) an application stores in sessions. Session attributes are stored as
		 * JSON and only allow-listed types are read back: Spring Security's own, Gatehouse's, strings, numbers,
		 * booleans and instants.
		 */
		private java.util.List<String> attributeTypes = new java.util.ArrayList<>();
		private final Cookie cookie = new Cookie();
		private final NearCache nearCache = new NearCache();

		public Store getStore() { return store; }
		public void setStore(Store store) { this.store = store; }
		public String getRedisUrl() { return redisUrl; }
		public void setRedisUrl(String redisUrl) { this.redisUrl = redisUrl; }
		public Duration getIdleTimeout() { return idleTimeout; }
		public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
		public Duration getAbsoluteTimeout() { return absoluteTimeout; }
		public void setAbsoluteTimeout(Duration absoluteTimeout) { this.absoluteTimeout = absoluteTimeout; }
		public boolean isActivityEnabled() { return activityEnabled; }
		public void setActivityEnabled(boolean activityEnabled) { this.activityEnabled = activityEnabled; }
		public Duration getActivityWriteInterval() { return activityWriteInterval; }
		public void setActivityWriteInterval(Duration v) { this.activityWriteInterval = v; }
		public long getAttributeCacheSize() { return attributeCacheSize; }
		public void setAttributeCacheSize(long v) { this.attributeCacheSize = v; }
		public java.util.List<String> getAttributeTypes() { return attributeTypes; }
		public void setAttributeTypes(java.util.List<String> v) { this.attributeTypes = v; }
		public Cookie getCookie() { return cookie; }
		public NearCache getNearCache() { return nearCache; }

		public Store effectiveStore() {
			if (store != null) {
				return store;
			}
			return (redisUrl != null && !redisUrl.isBlank()) ? Store.REDIS : Store.JDBC;
		}
	}

	/**
	 * Sessions and users kept in each instance's memory between requests, dropped on every instance by each write
	 * through an invalidation channel (Redis pub/sub, PostgreSQL LISTEN/NOTIFY, or in-process for a database only
	 * this process opens); bypassed while that channel is down.
	 */
	public static class NearCache {
		/** Keep sessions and users in memory between requests; off where no invalidation channel reaches every writer. */
		private boolean enabled = true;
		/** Sessions, and users, kept at most (each). */
		private long maxEntries = 10000;
		/** Longest time an entry is kept without being read from the store again. */
		private Duration ttl = Duration.ofMinutes(5);

		public boolean isEnabled() { return enabled; }
		public void setEnabled(boolean enabled) { this.enabled = enabled; }
		public long getMaxEntries() { return maxEntries; }
		public void setMaxEntries(long maxEntries) { this.maxEntries = maxEntries; }
		public Duration getTtl() { return ttl; }
		public void setTtl(Duration ttl) { this.ttl = ttl; }
	}

	public static class Cookie {
		/** Base name; "__Host-" is prefixed when the cookie is Secure. */
		private String name = "gatehouse_session";
		/** Secure flag. Unset: true in production, false in development. */
		private Boolean secure;
		/** HttpOnly flag of the session cookie. */
		private boolean httpOnly = true;
		/** Lax (default) or Strict; the remember-me cookie follows it. */
		private String sameSite = "Lax";

		public String getName() { return name; }
		public void setName(String name) { this.name = name; }
		public Boolean getSecure() { return secure; }
		public void setSecure(Boolean secure) { this.secure = secure; }
		public boolean isHttpOnly() { return httpOnly; }
		public void setHttpOnly(boolean httpOnly) { this.httpOnly = httpOnly; }
		public String getSameSite() { return sameSite; }
		public void setSameSite(String sameSite) { this.sameSite = sameSite; }
	}

	public static class RememberMe {
		/** Offer "remember me" on the login form. */
		private boolean enabled = true;
		/** Lifetime of a remember-me login. */
		private Duration duration = Duration.ofDays(30);
		/** Name of the remember-me cookie; "__Host-" is prefixed when cookies are Secure. */
		private String cookieName = "gatehouse_remember";
		/**
		 * The token is replaced at every remember-me login; the one just replaced still works this long, for
		 * the parallel requests a browser sends before it has the new cookie. Later it counts as a stolen copy:
		 * every session and remember-me login of the user ends and the user is told by mail.
		 */
		private Duration rotationGrace = Duration.ofSeconds(30);

		public boolean isEnabled() { return enabled; }
		public void setEnabled(boolean enabled) { this.enabled = enabled; }
		public Duration getDuration() { return duration; }
		public void setDuration(Duration duration) { this.duration = duration; }
		public String getCookieName() { return cookieName; }
		public void setCookieName(String cookieName) { this.cookieName = cookieName; }
		public Duration getRotationGrace() { return rotationGrace; }
		public void setRotationGrace(Duration rotationGrace) { this.rotationGrace = rotationGrace; }
	}

	public static class Recaptcha {
		/** reCAPTCHA site key; reCAPTCHA is on when both keys are set. */
		private String publicKey;
		/** reCAPTCHA secret key, sent to the verify endpoint. */
		private String privateKey;
		/** reCAPTCHA verify endpoint; no answer counts as a failure (fail closed). */
		private String verifyUrl = "https://www.google.com/recaptcha/api/siteverify";
		/** Time limit of one call to the verify endpoint. */
		private Duration timeout = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return publicKey != null && !publicKey.isBlank() && privateKey != null && !privateKey.isBlank();
		}
		public String getPublicKey() { return publicKey; }
		public void setPublicKey(String publicKey) { this.publicKey = publicKey; }
		public String getPrivateKey() { return privateKey; }
		public void setPrivateKey(String privateKey) { this.privateKey = privateKey; }
		public String getVerifyUrl() { return verifyUrl; }
		public void setVerifyUrl(String verifyUrl) { this.verifyUrl = verifyUrl; }
		public Duration getTimeout() { return timeout; }
		public void setTimeout(Duration timeout) { this.timeout = timeout; }
	}

	public static class Features {
		/** Users may sign up themselves (SECURITY_REGISTERABLE). */
		private boolean registerable = true;
		/** Users may reset a lost password by email (SECURITY_RECOVERABLE). */
		private boolean recoverable = true;
		/** New addresses get a confirmation link (SECURITY_CONFIRMABLE). */
		private boolean confirmable = true;
		/** Users may change their password (SECURITY_CHANGEABLE). */
		private boolean changeable = true;
		/** Unconfirmed users may log in (SECURITY_LOGIN_WITHOUT_CONFIRMATION). */
		private boolean loginWithoutConfirmation = true;
		/**
		 * Sign-up answers the same whether or not the email address or username is taken
		 * (SECURITY_RETURN_GENERIC_RESPONSES): "check your mail", with a mail to the address
		 * saying what happened, and no login at sign-up. False: "this email address already has
		 * an account" / "this username is taken", and a login at sign-up when allowed.
		 */
		private boolean returnGenericResponses = true;
		/**
		 * Users may change their email address from the account page, confirmed by a link to the new
		 * address, with a revert link to the old one (SECURITY_CHANGE_EMAIL, off by default there).
		 */
		private boolean changeEmail = true;
		/** Security keys and passkeys (WebAuthn): the Security keys page, its API and "Sign in with a passkey". */
		private boolean webauthn = true;
		/** Second factors: TOTP, recovery codes, the second login step and its role policy (gatehouse.mfa.*). */
		private boolean mfa = true;

		public boolean isRegisterable() { return registerable; }
		public void setRegisterable(boolean registerable) { this.registerable = registerable; }
		public boolean isRecoverable() { return recoverable; }
		public void setRecoverable(boolean recoverable) { this.recoverable = recoverable; }
		public boolean isConfirmable() { return confirmable; }
		public void setConfirmable(boolean confirmable) { this.confirmable = confirmable; }
		public boolean isChangeable() { return changeable; }
		public void setChangeable(boolean changeable) { this.changeable = changeable; }
		public boolean isLoginWithoutConfirmation() { return loginWithoutConfirmation; }
		public void setLoginWithoutConfirmation(boolean v) { this.loginWithoutConfirmation = v; }
		public boolean isReturnGenericResponses() { return returnGenericResponses; }
		public void setReturnGenericResponses(boolean v) { this.returnGenericResponses = v; }
		public boolean isChangeEmail() { return changeEmail; }
		public void setChangeEmail(boolean changeEmail) { this.changeEmail = changeEmail; }

		/**
		 * Users may sign in by a link (or code) mailed to their address instead of the password
		 * (SECURITY_PASSWORDLESS, off by default as there); settings under gatehouse.passwordless.
		 */
		private boolean passwordless = false;

		public boolean isPasswordless() { return passwordless; }
		public void setPasswordless(boolean passwordless) { this.passwordless = passwordless; }
		public boolean isWebauthn() { return webauthn; }
		public void setWebauthn(boolean webauthn) { this.webauthn = webauthn; }
		public boolean isMfa() { return mfa; }
		public void setMfa(boolean v) { this.mfa = v; }

		/**
		 * Gatehouse is an OpenID Connect provider for other applications (gatehouse.oidc.*). Off by default: it
		 * publishes endpoints under /oauth2/, /.well-known/ and /userinfo and signing keys that an application
		 * embedding the starter may not want, and needs spring-security-oauth2-authorization-server on the classpath.
		 */
		private boolean oidcProvider = false;

		public boolean isOidcProvider() { return oidcProvider; }
		public void setOidcProvider(boolean oidcProvider) { this.oidcProvider = oidcProvider; }
	}

	public static class Urls {
		/** Login page. */
		private String login = "/login/";
		/** Logout (POST; GET shows a confirmation). */
		private String logout = "/logout/";
		/** Sign-up page. */
		private String register = "/signup/";
		/** Lost-password page; reset links live below it. */
		private String reset = "/lost-password/";
		/** Page to resend the confirmation link; confirmation links live below it. */
		private String confirm = "/confirm/";
		/** Change-password page. */
		private String changePassword = "/account/settings/password/";
		/** The user's Sessions page. */
		private String sessions = "/account/settings/sessions/";
		/** Home page. */
		private String home = "/";
		/** Where users land after login when no safe "next" is given. */
		private String postLogin = "/";

		public String getLogin() { return login; }
		public void setLogin(String login) { this.login = login; }
		public String getLogout() { return logout; }
		public void setLogout(String logout) { this.logout = logout; }
		public String getRegister() { return register; }
		public void setRegister(String register) { this.register = register; }
		public String getReset() { return reset; }
		public void setReset(String reset) { this.reset = reset; }
		public String getConfirm() { return confirm; }
		public void setConfirm(String confirm) { this.confirm = confirm; }
		public String getChangePassword() { return changePassword; }
		public void setChangePassword(String changePassword) { this.changePassword = changePassword; }
		public String getSessions() { return sessions; }
		public void setSessions(String sessions) { this.sessions = sessions; }
		public String getHome() { return home; }
		public void setHome(String home) { this.home = home; }
		public String getPostLogin() { return postLogin; }
		public void setPostLogin(String postLogin) { this.postLogin = postLogin; }
	}

	public static class Templates {
		/** Template of the home page. */
		private String home = "gatehouse/home";
		/** Template of the login page. */
		private String login = "gatehouse/login_user";
		/** Template of the logout confirmation page. */
		private String logout = "gatehouse/logout_user";
		/** Template of the sign-up page. */
		private String register = "gatehouse/register_user";
		/** Template of the resend-confirmation page. */
		private String sendConfirmation = "gatehouse/send_confirmation";
		/** Template of the page a confirmation link opens: its button confirms the address. */
		private String confirmEmail = "gatehouse/confirm_email";
		/** Template of the lost-password page. */
		private String forgotPassword = "gatehouse/forgot_password";
		/** Template of the reset-password page. */
		private String resetPassword = "gatehouse/reset_password";
		/** Template of the change-password page. */
		private String changePassword = "gatehouse/change_password";
		/** Template of the Sessions page. */
		private String sessions = "gatehouse/sessions";
		/** Template of one-message pages (mail sent, link invalid, done). */
		private String message = "gatehouse/message";

		public String getHome() { return home; }
		public void setHome(String home) { this.home = home; }
		public String getLogin() { return login; }
		public void setLogin(String login) { this.login = login; }
		public String getLogout() { return logout; }
		public void setLogout(String logout) { this.logout = logout; }
		public String getRegister() { return register; }
		public void setRegister(String register) { this.register = register; }
		public String getSendConfirmation() { return sendConfirmation; }
		public void setSendConfirmation(String sendConfirmation) { this.sendConfirmation = sendConfirmation; }
		public String getConfirmEmail() { return confirmEmail; }
		public void setConfirmEmail(String confirmEmail) { this.confirmEmail = confirmEmail; }
		public String getForgotPassword() { return forgotPassword; }
		public void setForgotPassword(String forgotPassword) { this.forgotPassword = forgotPassword; }
		public String getResetPassword() { return resetPassword; }
		public void setResetPassword(String resetPassword) { this.resetPassword = resetPassword; }
		public String getChangePassword() { return changePassword; }
		public void setChangePassword(String changePassword) { this.changePassword = changePassword; }
		public String getSessions() { return sessions; }
		public void setSessions(String sessions) { this.sessions = sessions; }
		public String getMessage() { return message; }
		public void setMessage(String message) { this.message = message; }
	}

	public static class Throttle {
		/** Throttle failed logins and rate-limit the pages that send mail or create accounts. */
		private boolean enabled = true;
		/** Keep the counters in Redis although gatehouse.session.redis-url is unset: over the application's own connection (spring.data.redis.*). */
		private boolean redis = false;
		/** Consecutive failed logins of one account (or unknown login) before it is locked. */
		private int accountMaxFailures = 10;
		/** First lock of an account; every further lock lasts twice as long as the one before. */
		private Duration accountLock = Duration.ofMinutes(1);
		/** Longest account lock. */
		private Duration accountMaxLock = Duration.ofHours(1);
		/** Most failed logins of one account per hour (OWASP ASVS 2.2.1 allows at most 100). */
		private int accountMaxFailuresPerHour = 100;
		/** How long an account's lock level (and so the doubling) is remembered without a successful login. */
		private Duration accountLockMemory = Duration.ofDays(1);
		/** Failed logins from one IP address (IPv6: one /64) within ip-window before it is locked. */
		private int ipMaxFailures = 50;
		/** Window of the per-address failure and distinct-login counters. */
		private Duration ipWindow = Duration.ofMinutes(10);
		/** Lock of an address that reached ip-max-failures. */
		private Duration ipLock = Duration.ofMinutes(5);
		/** Distinct logins failing from one address within ip-window that signal credential stuffing: the address is then locked for ip-window, or must solve reCAPTCHA when it is configured. */
		private int ipMaxDistinctLogins = 20;
		/**
		 * Rate limits by bucket: register-ip, register-email (sign-up attempts, taken addresses
		 * included), confirm-email, confirm-ip, reset-email, reset-ip, login-link-email, login-link-ip (passwordless
		 * sign-in links); "default" applies to buckets not listed.
		 */
		private Map<String, Limit> rateLimits = new LinkedHashMap<>(Map.of(
				"register-ip", new Limit(10, Duration.ofHours(1)),
				"register-email", new Limit(3, Duration.ofHours(1)),
				"confirm-email", new Limit(3, Duration.ofHours(1)),
				"confirm-ip", new Limit(20, Duration.ofHours(1)),
				"reset-email", new Limit(3, Duration.ofHours(1)),
				"reset-ip", new Limit(20, Duration.ofHours(1)),
				"login-link-email", new Limit(5, Duration.ofHours(1)),
				"login-link-ip", new Limit(20, Duration.ofHours(1)),
				"default", new Limit(20, Duration.ofHours(1))));

		public boolean isEnabled() { return enabled; }
		public void setEnabled(boolean enabled) { this.enabled = enabled; }
		public boolean isRedis() { return redis; }
		public void setRedis(boolean redis) { this.redis = redis; }
		public int getAccountMaxFailures() { return accountMaxFailures; }
		public void setAccountMaxFailures(int v) { this.accountMaxFailures = v; }
		public Duration getAccountLock() { return accountLock; }
		public void setAccountLock(Duration v) { this.accountLock = v; }
		public Duration getAccountMaxLock() { return accountMaxLock; }
		public void setAccountMaxLock(Duration v) { this.accountMaxLock = v; }
		public int getAccountMaxFailuresPerHour() { return accountMaxFailuresPerHour; }
		public void setAccountMaxFailuresPerHour(int v) { this.accountMaxFailuresPerHour = v; }
		public Duration getAccountLockMemory() { return accountLockMemory; }
		public void setAccountLockMemory(Duration v) { this.accountLockMemory = v; }
		public int getIpMaxFailures() { return ipMaxFailures; }
		public void setIpMaxFailures(int v) { this.ipMaxFailures = v; }
		public Duration getIpWindow() { return ipWindow; }
		public void setIpWindow(Duration v) { this.ipWindow = v; }
		public Duration getIpLock() { return ipLock; }
		public void setIpLock(Duration v) { this.ipLock = v; }
		public int getIpMaxDistinctLogins() { return ipMaxDistinctLogins; }
		public void setIpMaxDistinctLogins(int v) { this.ipMaxDistinctLogins = v; }
		public Map<String, Limit> getRateLimits() { return rateLimits; }
		public void setRateLimits(Map<String, Limit> rateLimits) { this.rateLimits = rateLimits; }
	}

	public static class Limit {
		/** Most requests per window. */
		private int max = 20;
		/** Length of the window, counted from the first request. */
		private Duration per = Duration.ofHours(1);

		public Limit() {
		}

		public Limit(int max, Duration per) {
			this.max = max;
			this.per = per;
		}

		public int getMax() { return max; }
		public void setMax(int max) { this.max = max; }
		public Duration getPer() { return per; }
		public void setPer(Duration per) { this.per = per; }
	}

	public static class I18n {
		/** Languages of the pages, mails and messages; the first is the default. A browser's Accept-Language picks among them, the page footer's switcher overrides it (cookie gatehouse_lang). */
		private List<String> languages = new ArrayList<>(List.of("en", "de", "fr"));

		public List<String> getLanguages() { return languages; }
		public void setLanguages(List<String> languages) { this.languages = languages; }
	}
}
