package org.gatehouse.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

class PageWebConfiguration implements WebMvcConfigurer {

	private final PageModel pageModel;

	PageWebConfiguration(PageModel pageModel) {
		this.pageModel = pageModel;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PageModelInterceptor(pageModel));
	}
}
