package org.gatehouse.http;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;


/**
 * Decides whether a user-supplied redirect target ("next") is safe, with the semantics of
 * Django's {@code url_has_allowed_host_and_scheme}: relative URLs are fine; absolute URLs only
 * over http(s) to an allowed host, https only when the request itself is secure; and anything
 * a browser might read as a scheme-relative or foreign URL is refused. Where Django compares
 * the whole netloc with its allowed set, this accepts any port of an allowed host (including
 * {@code .example.org} subdomains) and refuses any user info.
 */
public class SafeRedirects {

	private final AllowedHosts allowedHosts;

	public SafeRedirects(AllowedHosts allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

	/** {@code next} (trimmed) when safe to redirect to, else {@code fallback}. */
	public String safeTarget(String next, HttpServletRequest request, String fallback) {
		return isSafe(next, request.isSecure()) ? next.strip() : fallback;
	}

	public boolean isSafe(String url, boolean requireHttps) {
		if (url == null) {
			return false;
		}
		String trimmed = url.strip();
		if (trimmed.isEmpty() || containsControlCharacter(trimmed)) {
			return false;
		}
		// browsers treat "\" as "/", but in userinfo it is literal: both readings must be safe
		return isSafeAsParsed(trimmed, requireHttps) && isSafeAsParsed(trimmed.replace('\\', '/'), requireHttps);
	}

	private boolean isSafeAsParsed(String url, boolean requireHttps) {
		// browsers read three or more slashes as scheme-relative; URL parsers do not
		if (url.startsWith("///")) {
			return false;
		}
		SplitUrl split = SplitUrl.of(url);
		if (split.netloc.isEmpty() && !split.scheme.isEmpty()) {
			// "https:evil.com" or "http:///evil.com": browsers still find a host in there
			return false;
		}
		String scheme = split.scheme.isEmpty() && !split.netloc.isEmpty() ? "http" : split.scheme;
		boolean schemeAllowed = scheme.isEmpty() || scheme.equals("https") || (!requireHttps && scheme.equals("http"));
		return schemeAllowed && (split.netloc.isEmpty() || isAllowedNetloc(split.netloc));
	}

	private boolean isAllowedNetloc(String netloc) {
		return !netloc.contains("@") && allowedHosts.isAllowed(netloc);
	}

	/**
	 * Any Unicode "other" character (control, format, unassigned, private use, surrogate).
	 * Stricter than Django, which looks at the first character only, because browsers also
	 * drop tabs and newlines inside URLs ("/\t/evil.com" becomes "//evil.com").
	 */
	private static boolean containsControlCharacter(String url) {
		return url.codePoints().anyMatch(codePoint -> switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
			default -> false;
		});
	}

	/** The scheme and netloc parts as Python's {@code urllib.parse.urlsplit} finds them. */
	private record SplitUrl(String scheme, String netloc) {

		static SplitUrl of(String url) {
			String scheme = "";
			String rest = url;
			int colon = url.indexOf(':');
			if (colon > 0 && isAsciiLetter(url.charAt(0)) && url.substring(0, colon).chars().allMatch(SplitUrl::isSchemeChar)) {
				scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
				rest = url.substring(colon + 1);
			}
			if (!rest.startsWith("//")) {
				return new SplitUrl(scheme, "");
			}
			int end = 2;
			while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
				end++;
			}
			return new SplitUrl(scheme, rest.substring(2, end));
		}

		private static boolean isAsciiLetter(int c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		}

		private static boolean isSchemeChar(int c) {
			return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
		}
	}
}
