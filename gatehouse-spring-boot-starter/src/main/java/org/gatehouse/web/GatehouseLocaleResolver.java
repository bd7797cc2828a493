package org.gatehouse.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The language of a request: the one chosen with the pages' switcher (cookie {@value #COOKIE}) if Gatehouse has
 * texts in it, else the best match of {@code Accept-Language} among the configured languages, else the first of them.
 */
public class GatehouseLocaleResolver implements LocaleResolver {

	public static final String COOKIE = "gatehouse_lang";

	private static final String CHOSEN = GatehouseLocaleResolver.class.getName() + ".CHOSEN";

	private final List<Locale> supported;
	private final AcceptHeaderLocaleResolver acceptHeader = new AcceptHeaderLocaleResolver();

	public GatehouseLocaleResolver(List<String> languages) {
		this.supported = languages.stream().map(Locale::forLanguageTag).toList();
		acceptHeader.setSupportedLocales(supported);
		acceptHeader.setDefaultLocale(supported.isEmpty() ? Locale.ENGLISH : supported.get(0));
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		Locale fromCookie = cookie == null ? null : supportedOrNull(Locale.forLanguageTag(cookie.getValue()));
		return fromCookie != null ? fromCookie : acceptHeader.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = locale == null ? null : supportedOrNull(locale);
		if (chosen == null) {
			return;
		}
		request.setAttribute(CHOSEN, chosen);
		if (response != null) {
			ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.toLanguageTag()).path("/")
				.maxAge(java.time.Duration.ofDays(365)).httpOnly(true).sameSite("Lax").secure(request.isSecure()).build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}
	}

	private Locale supportedOrNull(Locale locale) {
		return supported.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
	}
}
