package org.gatehouse.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Texts for answers written outside Spring MVC (filters, security handlers, the container's error
 * report), in the language the pages would use: the application's {@code localeResolver} asked
 * directly, as no DispatcherServlet has set a locale there. English without a resolver (no web
 * application) or when it fails (a session-based resolver while the session store is down).
 */
public class RequestMessages {

	/** Gatehouse's message bundle (the parent of the application's message source). */
	public static final String BUNDLE = "gatehouse/messages";

	private static final ResourceBundleMessageSource GATEHOUSE = new ResourceBundleMessageSource();

	static {
		GATEHOUSE.setBasename(BUNDLE);
		GATEHOUSE.setDefaultEncoding(StandardCharsets.UTF_8.name());
		GATEHOUSE.setFallbackToSystemLocale(false);
	}

	private final MessageSource messages;
	private final Supplier<LocaleResolver> localeResolver;

	public RequestMessages(MessageSource messages, Supplier<LocaleResolver> localeResolver) {
		this.messages = messages;
		this.localeResolver = localeResolver;
	}

	public Locale locale(HttpServletRequest request) {
		LocaleResolver resolver = localeResolver.get();
		if (resolver == null) {
			return Locale.ENGLISH;
		}
		try {
			Locale locale = resolver.resolveLocale(request);
			return locale == null ? Locale.ENGLISH : locale;
		}
		catch (RuntimeException ex) {
			return Locale.ENGLISH;
		}
	}

	/** The bundle's text for {@code key} in the request's language. */
	public String get(HttpServletRequest request, String key, Object... arguments) {
		Locale locale = locale(request);
		try {
			return messages.getMessage(key, arguments, locale);
		}
		catch (NoSuchMessageException ex) {
			// an application's own message source that does not chain Gatehouse's texts: never a 500 for that
			return GATEHOUSE.getMessage(key, arguments, locale);
		}
	}

	/** A problem document (API paths) whose detail is the bundle's text for {@code key}. */
	public void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
			Object... arguments) throws IOException {
		ProblemResponses.write(response, status, get(request, key, arguments));
	}
}
