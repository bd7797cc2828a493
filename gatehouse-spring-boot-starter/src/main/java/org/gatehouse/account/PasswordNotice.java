package org.gatehouse.account;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A notice about the password just chosen in the current request (e.g. "found in a breach", when such
 * passwords are only warned about): the pages show it as the request attribute {@value #ATTRIBUTE},
 * the JSON answers as their {@code notice} field.
 */
public final class PasswordNotice {

	public static final String ATTRIBUTE = "passwordNotice";

	private PasswordNotice() {
	}

	/** Remembers {@code text} for the rest of the current request; outside a request it is not kept. */
	public static void remember(String text) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ATTRIBUTE, text, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** The notice of the current request, or null. */
	public static String current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return request == null ? null : (String) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
	}
}
