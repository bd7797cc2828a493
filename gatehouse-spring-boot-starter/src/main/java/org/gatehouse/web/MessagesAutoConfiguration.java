package org.gatehouse.web;

import org.gatehouse.http.RequestMessages;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Gatehouse's texts (the bundle {@code gatehouse/messages}) without touching {@code spring.messages.*}:
 * the parent of the application's own message source, so the application's keys win and Gatehouse's
 * fill in; the application's message source itself when it has none.
 */
@AutoConfiguration(after = MessageSourceAutoConfiguration.class)
public class MessagesAutoConfiguration {

	static final String BASENAME = RequestMessages.BUNDLE;

	@Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	@ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, search = SearchStrategy.CURRENT)
	public MessageSource messageSource() {
		return new GatehouseMessages();
	}

	@Bean
	static BeanPostProcessor gatehouseMessagesBehindTheApplications() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName)
						&& bean instanceof HierarchicalMessageSource own && !(bean instanceof GatehouseMessages)) {
					behind(own);
				}
				return bean;
			}
		};
	}

	/** At the end of the application's chain of message sources, unless already in it. */
	private static void behind(HierarchicalMessageSource own) {
		HierarchicalMessageSource last = own;
		while (last.getParentMessageSource() != null) {
			if (last.getParentMessageSource() instanceof GatehouseMessages) {
				return;
			}
			if (!(last.getParentMessageSource() instanceof HierarchicalMessageSource next)) {
				return;
			}
			last = next;
		}
		last.setParentMessageSource(new GatehouseMessages());
	}

	private static final class GatehouseMessages extends ResourceBundleMessageSource {

		GatehouseMessages() {
			setBasename(BASENAME);
			setDefaultEncoding(StandardCharsets.UTF_8.name());
			// a browser asking for a language without a bundle gets the default texts, not the server's locale
			setFallbackToSystemLocale(false);
		}
	}
}
