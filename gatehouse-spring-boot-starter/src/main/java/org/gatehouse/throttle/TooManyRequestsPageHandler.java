package org.gatehouse.throttle;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages past a rate limit: status 429, Retry-After, and a message saying when to try again. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class TooManyRequestsPageHandler {

	private final PageRateLimits rateLimits;

	public TooManyRequestsPageHandler(PageRateLimits rateLimits) {
		this.rateLimits = rateLimits;
	}

	@ExceptionHandler(TooManyRequestsException.class)
	public String tooMany(TooManyRequestsException ex, HttpServletResponse response, Model model) {
		return rateLimits.tooManyRequests(ex.retryAfter(), response, model);
	}
}
