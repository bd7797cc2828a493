package org.gatehouse.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Spring's cookie resolver held to the languages Gatehouse has texts in: the one chosen with the pages'
 * switcher (cookie {@value #COOKIE}), else the best match of {@code Accept-Language} among the configured
 * languages, else the first of them. A cookie or a choice naming another language counts as none.
 */
public class GatehouseLocaleResolver extends CookieLocaleResolver {

	public static final String COOKIE = "gatehouse_lang";

	private final List<Locale> supported;

	/** The same resolver writing Secure cookies, for requests that came over HTTPS. */
	private final CookieLocaleResolver overHttps;

	public GatehouseLocaleResolver(List<String> languages) {
		super(COOKIE);
		this.supported = languages.stream().map(Locale::forLanguageTag).toList();
		AcceptHeaderLocaleResolver acceptHeader = new AcceptHeaderLocaleResolver();
		acceptHeader.setSupportedLocales(supported);
		acceptHeader.setDefaultLocale(supported.isEmpty() ? Locale.ENGLISH : supported.get(0));
		configure(this, acceptHeader);
		this.overHttps = new CookieLocaleResolver(COOKIE);
		configure(overHttps, acceptHeader);
		overHttps.setCookieSecure(true);
	}

	private static void configure(CookieLocaleResolver resolver, AcceptHeaderLocaleResolver acceptHeader) {
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		// a forged or outdated cookie is ignored, not an error
		resolver.setRejectInvalidCookies(false);
		resolver.setDefaultLocaleFunction(acceptHeader::resolveLocale);
	}

	@Override
	protected Locale parseLocaleValue(String value) {
		return supportedOrNull(super.parseLocaleValue(value));
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
		Locale chosen = context == null ? null : supportedOrNull(context.getLocale());
		if (chosen == null) {
			return;
		}
		LocaleContext supportedContext = () -> chosen;
		if (response == null) {
			// the LocaleResolver contract allows no response, Spring's cookie resolver does not: no cookie then
			request.setAttribute(LOCALE_REQUEST_ATTRIBUTE_NAME, chosen);
		}
		else if (request.isSecure()) {
			overHttps.setLocaleContext(request, response, supportedContext);
		}
		else {
			super.setLocaleContext(request, response, supportedContext);
		}
	}

	private Locale supportedOrNull(Locale locale) {
		return locale == null ? null
				: supported.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
	}
}
