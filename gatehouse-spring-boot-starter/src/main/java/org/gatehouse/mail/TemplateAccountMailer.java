package org.gatehouse.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Gatehouse's own mailer: the subject and plain text from the message bundle, the HTML body from
 * the template gatehouse/mail/KIND, sent through Spring Boot's JavaMailSender. Without SMTP
 * (spring.mail.host unset) the mail is logged instead, so the flows work on a fresh development
 * machine.
 */
final class TemplateAccountMailer implements AccountMailer {

	private static final Logger log = LoggerFactory.getLogger(TemplateAccountMailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final ITemplateEngine templates;
	private final MessageSource messages;
	private final MailProperties properties;

	TemplateAccountMailer(ObjectProvider<JavaMailSender> sender, ITemplateEngine templates, MessageSource messages,
			MailProperties properties) {
		this.sender = sender;
		this.templates = templates;
		this.messages = messages;
		this.properties = properties;
	}

	@Override
	public void send(String to, String kind, String link, String... moreArguments) {
		Locale locale = RequestLocale.current();
		String subject = messages.getMessage("mail." + kind + ".subject", null, locale);
		List<String> arguments = new ArrayList<>();
		arguments.add(link == null ? "" : link);
		arguments.addAll(List.of(moreArguments));
		String text = messages.getMessage("mail." + kind + ".text", arguments.toArray(), locale);
		JavaMailSender mailSender = sender.getIfAvailable();
		if (mailSender == null) {
			log.warn("No SMTP server configured (spring.mail.host); mail to {} not sent.\nSubject: {}\n{}", to, subject,
					text);
			return;
		}
		Context context = new Context(locale, Map.of("link", arguments.get(0), "text", text,
				"subject", subject));
		String html = templates.process("gatehouse/mail/" + kind, context);
		try {
			MimeMessage message = mailSender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(properties.getFrom());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, html);
			mailSender.send(message);
		}
		catch (MessagingException | MailException ex) {
			log.error("Could not send {} mail to {}: {}", kind, to, ex.getMessage());
		}
	}
}
