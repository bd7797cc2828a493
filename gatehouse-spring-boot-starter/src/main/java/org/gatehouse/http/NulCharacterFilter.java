package org.gatehouse.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to a request whose query string or form fields contain U+0000. No Gatehouse
 * input may hold a NUL, and PostgreSQL refuses it in any text parameter ("invalid byte sequence
 * for encoding UTF8: 0x00"), which would otherwise surface as a 500 wherever a parameter reaches
 * a query (found by wapiti: {@code /admin/audit/?user=%00}). Multipart bodies are left to the
 * DispatcherServlet, which rejects malformed ones itself ({@code MalformedRequestAdvice}).
 */
class NulCharacterFilter extends OncePerRequestFilter {

	static final String DETAIL = "Request parameters must not contain NUL characters";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (containsNul(request)) {
			if (ApiRequests.isApi(request)) {
				ProblemResponses.write(response, HttpStatus.BAD_REQUEST, DETAIL);
			}
			else {
				byte[] body = (HttpStatus.BAD_REQUEST.getReasonPhrase() + ": " + DETAIL).getBytes(StandardCharsets.UTF_8);
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				response.setContentType(MediaType.TEXT_PLAIN_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean containsNul(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
			// only the query string; reading the parts here would parse the body before MVC does
			String query = request.getQueryString();
			return query != null && query.toLowerCase(Locale.ROOT).contains("%00");
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (parameter.getKey().indexOf('\u0000') >= 0) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\u0000') >= 0) {
					return true;
				}
			}
		}
		return false;
	}
}
