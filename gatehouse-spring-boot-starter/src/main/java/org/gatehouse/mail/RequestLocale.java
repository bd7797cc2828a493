package org.gatehouse.mail;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/** The language of the current request (mails, messages built in code); English outside a request (command line, tasks). */
public final class RequestLocale {

	private RequestLocale() {
	}

	public static Locale current() {
		return LocaleContextHolder.getLocaleContext() == null || LocaleContextHolder.getLocaleContext().getLocale() == null
				? Locale.ENGLISH : LocaleContextHolder.getLocale();
	}
}
