package org.gatehouse.throttle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.web.PageModel;
import org.gatehouse.http.TooManyRequestsException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages past a rate limit: status 429, Retry-After, and a message saying when to try again.
 * Exception handlers get no @ModelAttribute values, so the page model is filled in here.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class TooManyRequestsPageHandler {

	private final PageRateLimits rateLimits;
	private final PageModel pageModel;

	public TooManyRequestsPageHandler(PageRateLimits rateLimits, PageModel pageModel) {
		this.rateLimits = rateLimits;
		this.pageModel = pageModel;
	}

	@ExceptionHandler(TooManyRequestsException.class)
	public ModelAndView tooMany(TooManyRequestsException ex, HttpServletRequest request, HttpServletResponse response) {
		ExtendedModelMap model = new ExtendedModelMap();
		pageModel.addTo(model, request);
		String view = rateLimits.tooManyRequests(ex.retryAfter(), response, model);
		return new ModelAndView(view, model);
	}
}
