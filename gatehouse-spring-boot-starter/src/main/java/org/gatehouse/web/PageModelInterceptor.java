package org.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Fills the {@link PageModel} into views about to be rendered. An interceptor rather than {@code @ModelAttribute}
 * methods, which Spring MVC would invoke for every JSON response too (a tenth of an API request's CPU).
 */
class PageModelInterceptor implements HandlerInterceptor {

	private final PageModel pageModel;

	PageModelInterceptor(PageModel pageModel) {
		this.pageModel = pageModel;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || isRedirectOrForward(modelAndView)) {
			return;
		}
		pageModel.addTo(modelAndView.getModelMap(), request);
	}

	private static boolean isRedirectOrForward(ModelAndView modelAndView) {
		String name = modelAndView.getViewName();
		return (name != null && (name.startsWith("redirect:") || name.startsWith("forward:")))
				|| modelAndView.getView() instanceof RedirectView;
	}
}
