package org.gatehouse.mail;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/** The language of a mail: the request's that causes it; English outside a request (command line, tasks). */
public final class MailLocale {

	private MailLocale() {
	}

	public static Locale current() {
		return LocaleContextHolder.getLocaleContext() == null || LocaleContextHolder.getLocaleContext().getLocale() == null
				? Locale.ENGLISH : LocaleContextHolder.getLocale();
	}
}
