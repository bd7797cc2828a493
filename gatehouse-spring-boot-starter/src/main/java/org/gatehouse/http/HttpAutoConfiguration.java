package org.gatehouse.http;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.MailProperties;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * HTTP hardening: allowed hosts, proxy headers, HTTPS, security headers with the CSP nonce, body size
 * limits, NUL characters (servlet filters ahead of Spring Security), and the URL helpers built on them.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class)
@Import(HttpFilterRegistrations.class)
@EnableConfigurationProperties({ HttpProperties.class, MailProperties.class })
public class HttpAutoConfiguration {

	@Bean
	public AllowedHosts gatehouseAllowedHosts(HttpProperties http) {
		return new AllowedHosts(http);
	}

	@Bean
	public ExternalUrls gatehouseExternalUrls(GatehouseProperties properties, HttpProperties http, MailProperties mail,
			AllowedHosts allowedHosts) {
		return new ExternalUrls(properties, http, mail, allowedHosts);
	}

	@Bean
	public SafeRedirects gatehouseSafeRedirects(AllowedHosts allowedHosts) {
		return new SafeRedirects(allowedHosts);
	}

	@Bean
	public CspNonce gatehouseCspNonce() {
		return new CspNonce();
	}

	@Bean
	public RequestMessages gatehouseRequestMessages(MessageSource messageSource, BeanFactory beans) {
		// the resolver the pages use: DispatcherServlet picks it by this name, not by type
		return new RequestMessages(messageSource, SingletonSupplier.of(() -> beans.containsBean(
				DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
						? beans.getBean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME, LocaleResolver.class) : null));
	}

	/** Named for templates ({@code @sri}, see {@link Sri}). */
	@Bean(Sri.BEAN_NAME)
	public Sri sri(ResourceLoader resourceLoader) {
		return new Sri(resourceLoader);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class Tomcat {

		@Bean
		TomcatBodySizeLimit gatehouseTomcatBodySizeLimit(HttpProperties http) {
			return new TomcatBodySizeLimit(http);
		}
	}
}
