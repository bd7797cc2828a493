package org.gatehouse.web;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of pages, mails and messages ({@link GatehouseLocaleResolver}) and the switcher's parameter
 * {@code ?lang=}. Backs off, switcher included, when the application has its own {@code localeResolver}.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class, before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
public class LocaleAutoConfiguration {

	static final String SWITCH_PARAMETER = "lang";

	@Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	public LocaleResolver localeResolver(GatehouseProperties properties) {
		return new GatehouseLocaleResolver(properties.getI18n().getLanguages());
	}

	@Bean
	WebMvcConfigurer gatehouseLanguageSwitch() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				LocaleChangeInterceptor change = new LocaleChangeInterceptor();
				change.setParamName(SWITCH_PARAMETER);
				change.setIgnoreInvalidLocale(true);
				registry.addInterceptor(change);
			}
		};
	}
}
