package org.gatehouse.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is for the JSON API (under {@code /api/}), judged on the decoded, normalised
 * path the application maps as well as on the raw one: {@code /%61pi/me} and {@code //api/me}
 * reach the API, so they must be answered as API requests too.
 */
public final class ApiRequests {

	private static final String PREFIX = "/api/";

	private ApiRequests() {
	}

	public static boolean isApi(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		String mapped = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
		return mapped.startsWith(PREFIX) || mapped.equals("/api")
				|| request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
	}

	/** A requested path as a problem's detail shows it ("No such API endpoint: GET /api/nope"): at most 200 characters. */
	public static String shownPath(String path) {
		return path.length() > 200 ? path.substring(0, 200) + "…" : path;
	}
}
