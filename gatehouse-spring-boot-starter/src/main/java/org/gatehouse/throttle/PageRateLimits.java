package org.gatehouse.throttle;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** The rate limits of the account pages, and their friendly 429 page. */
public class PageRateLimits {

	private final RateLimiter limiter;
	private final GatehouseProperties properties;

	public PageRateLimits(RateLimiter limiter, GatehouseProperties properties) {
		this.limiter = limiter;
		this.properties = properties;
	}

	/** Counts every sign-up attempt, whether it creates an account or meets a taken address. */
	public Optional<Duration> registration(HttpServletRequest request, String email) {
		return limiter.tryAcquire("register-ip", ClientNetwork.of(request.getRemoteAddr()))
			.or(() -> limiter.tryAcquire("register-email", email));
	}

	public Optional<Duration> confirmationMail(HttpServletRequest request, String email) {
		return limiter.tryAcquire("confirm-ip", ClientNetwork.of(request.getRemoteAddr()))
			.or(() -> limiter.tryAcquire("confirm-email", email));
	}

	public Optional<Duration> recoveryMail(HttpServletRequest request, String email) {
		return limiter.tryAcquire("reset-ip", ClientNetwork.of(request.getRemoteAddr()))
			.or(() -> limiter.tryAcquire("reset-email", email));
	}

	/** Each request of a change of email address mails two addresses: limited per user ("default" limit). */
	public Optional<Duration> emailChange(long userId) {
		return limiter.tryAcquire("change-email-user", Long.toString(userId));
	}

	/** Sign-in links (passwordless): counted per client network and per address, known or not. */
	public Optional<Duration> loginLinkMail(HttpServletRequest request, String email) {
		return limiter.tryAcquire("login-link-ip", ClientNetwork.of(request.getRemoteAddr()))
			.or(() -> limiter.tryAcquire("login-link-email", email));
	}

	/** Status 429 with Retry-After, and the message page saying when to try again. */
	public String tooManyRequests(Duration retryAfter, HttpServletResponse response, Model model) {
		long seconds = Math.max(1, retryAfter.toSeconds());
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		model.addAttribute("messageKey", "throttle.too-many");
		model.addAttribute("messageArg", (seconds + 59) / 60);
		return properties.getTemplates().getMessage();
	}
}
