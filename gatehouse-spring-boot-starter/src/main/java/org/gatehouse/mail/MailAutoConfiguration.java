package org.gatehouse.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.thymeleaf.ITemplateEngine;

/** Account mails: Gatehouse's templates over SMTP, unless the application brings its own {@link AccountMailer}. */
@AutoConfiguration
@EnableConfigurationProperties(MailProperties.class)
public final class MailAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AccountMailer.class)
	AccountMailer gatehouseAccountMailer(ObjectProvider<JavaMailSender> sender, ITemplateEngine templates,
			MessageSource messages, MailProperties mail) {
		return new TemplateAccountMailer(sender, templates, messages, mail);
	}
}
