package org.gatehouse.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

	private final Reauthentication reauthentication;

	AdminWebConfiguration(Reauthentication reauthentication) {
		this.reauthentication = reauthentication;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ReauthenticationInterceptor(reauthentication)).addPathPatterns("/admin/**");
		registry.addInterceptor(new ApiReauthenticationInterceptor(reauthentication)).addPathPatterns("/api/admin/**");
	}
}
