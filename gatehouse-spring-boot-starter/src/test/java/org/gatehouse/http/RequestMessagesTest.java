package org.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** The texts of answers written outside Spring MVC never fail for want of a language or a text. */
class RequestMessagesTest {

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	@Test
	void anApplicationsMessageSourceWithoutGatehousesTextsFallsBackToThem() {
		RequestMessages messages = new RequestMessages(new StaticMessageSource(),
				() -> new FixedLocaleResolver(Locale.GERMAN));
		assertThat(messages.get(request, "problem.access-denied")).isEqualTo("Zugriff verweigert");
	}

	@Test
	void withoutAResolverOrWhenItFailsTheTextsAreEnglish() {
		assertThat(new RequestMessages(new StaticMessageSource(), () -> null).get(request, "problem.access-denied"))
			.isEqualTo("Access denied");
		LocaleResolver failing = new LocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				throw new IllegalStateException("session store down");
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			}
		};
		assertThat(new RequestMessages(new StaticMessageSource(), () -> failing).get(request, "problem.access-denied"))
			.isEqualTo("Access denied");
	}
}
