package org.gatehouse.admin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.ApiProblems;
import org.gatehouse.account.ReauthenticationRequiredException;
import org.gatehouse.http.ApiRequests;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Answers a {@link ReauthenticationRequiredException} from Gatehouse's controllers (an application's
 * own controllers keep their own handling): under /api/ a 403
 * problem, on pages the re-authentication page, which returns to the page of the user acted on
 * (or the form). A user-page action or a new-user form is kept in the session
 * ({@link PendingAdminAction}) and performed once the password is confirmed.
 */
@ControllerAdvice(basePackages = "org.gatehouse")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReauthenticationRequiredHandler {

	private final MessageSource messages;

	ReauthenticationRequiredHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ReauthenticationRequiredException.class)
	ResponseEntity<?> reauthenticate(ReauthenticationRequiredException ex, HttpServletRequest request) {
		if (ApiRequests.isApi(request)) {
			return ApiProblems.problem(HttpStatus.FORBIDDEN,
					messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale()));
		}
		PendingAdminAction.remember(request);
		String location = request.getContextPath() + UriComponentsBuilder.fromPath(AdminPaths.REAUTH)
			.queryParam("next", backTo(request)).build().toUriString();
		return ResponseEntity.status(HttpStatus.FOUND).header("Location", location).build();
	}

	private static String backTo(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
				&& vars.get("id") instanceof String id && id.matches("\\d{1,18}")) {
			return AdminPaths.user(Long.parseLong(id));
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return AdminPaths.isAdminPage(path) ? path : AdminPaths.USERS;
	}
}
