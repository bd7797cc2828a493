package org.gatehouse.api;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatehouse.http.ApiRequests;
import org.gatehouse.http.RequestMessages;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's own errors in Gatehouse's words. Under /api/ the framework's problem details
 * ("No static resource api/nope.", "Content-Type '…' is not supported.") would leak its
 * wording; these answers say what the client can do instead, always with type, title and
 * status. Errors outside /api/ are left to the application.
 * Runs before the exception-handler advice, so it wins over Boot's problem-details handler.
 */
class FrameworkErrorResolver implements HandlerExceptionResolver, Ordered {

	private final RequestMessages messages;

	FrameworkErrorResolver(RequestMessages messages) {
		this.messages = messages;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		try {
			if (!ApiRequests.isApi(request)) {
				// the application's own URLs: its error handling, not Gatehouse's
				return null;
			}
			return api(request, response, ex) ? new ModelAndView() : null;
		}
		catch (IOException io) {
			return null;
		}
	}

	private boolean api(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException {
		if (response.isCommitted()) {
			return false;
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			messages.problem(request, response, HttpStatus.NOT_FOUND, "problem.not-found", request.getMethod(),
					ApiRequests.shownPath(request.getRequestURI()));
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException notAllowed) {
			Set<HttpMethod> allowed = notAllowed.getSupportedHttpMethods();
			if (allowed == null || allowed.isEmpty()) {
				messages.problem(request, response, HttpStatus.METHOD_NOT_ALLOWED, "problem.method-not-allowed",
						request.getMethod());
			}
			else {
				String names = allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
				response.setHeader("Allow", names);
				messages.problem(request, response, HttpStatus.METHOD_NOT_ALLOWED, "problem.method-not-allowed.allowed",
						names, request.getMethod());
			}
		}
		else if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			List<MediaType> types = unsupported.getSupportedMediaTypes();
			String accepted = types.isEmpty() || types.stream().anyMatch(MediaType.APPLICATION_JSON::includes)
					? MediaType.APPLICATION_JSON_VALUE : MediaType.toString(types);
			response.setHeader("Accept", accepted);
			messages.problem(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.unsupported-media-type",
					accepted);
		}
		else if (ex instanceof HttpMediaTypeNotAcceptableException) {
			messages.problem(request, response, HttpStatus.NOT_ACCEPTABLE, "problem.not-acceptable");
		}
		else if (ex instanceof HttpMessageNotReadableException) {
			messages.problem(request, response, HttpStatus.BAD_REQUEST, "problem.unreadable-json");
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			messages.problem(request, response, HttpStatus.BAD_REQUEST, "problem.parameter-missing",
					missing.getParameterName());
		}
		else if (ex instanceof MultipartException) {
			// thrown before a handler is chosen, so no controller advice would see it
			messages.problem(request, response, ex instanceof MaxUploadSizeExceededException ? HttpStatus.PAYLOAD_TOO_LARGE
					: HttpStatus.BAD_REQUEST, "problem.multipart");
		}
		else if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			messages.problem(request, response, HttpStatus.BAD_REQUEST, "problem.parameter-invalid", mismatch.getName());
		}
		else {
			return false;
		}
		return true;
	}

}
