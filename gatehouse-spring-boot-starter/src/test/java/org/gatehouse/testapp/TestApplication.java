package org.gatehouse.testapp;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gatehouse.web.GatehouseErrorPages;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * A bare application with nothing but the starter, as a third-party application would have, standing for
 * gatehouse-server: Gatehouse's error pages and the server's host-wide settings, as the server has them.
 */
@SpringBootApplication
@Import(GatehouseErrorPages.class)
@PropertySource("classpath:org/gatehouse/testapp/server-settings.properties")
public class TestApplication {

	/** Started with the context, so the first mail of the first test already has a server. */
	@Bean(destroyMethod = "")
	com.icegreen.greenmail.util.GreenMail testSmtpServer() {
		return TestMail.server();
	}

	/** Points the mail sender at the GreenMail server, whose port is only known at run time. */
	@Bean
	static org.springframework.beans.factory.config.BeanPostProcessor testMailPort() {
		return new org.springframework.beans.factory.config.BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof org.springframework.boot.mail.autoconfigure.MailProperties mail) {
					mail.setPort(TestMail.SMTP_PORT);
				}
				return bean;
			}
		};
	}

	/** MockMvc sends no Host header by default; a real browser always does, and Gatehouse requires one. */
	@Bean
	MockMvcBuilderCustomizer hostHeader() {
		return builder -> builder.defaultRequest(get("/").header("Host", "localhost"));
	}
}
