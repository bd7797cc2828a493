package org.gatehouse.api;

import java.net.URI;

import org.gatehouse.http.ApiRequests;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem document under /api/ has a {@code type}: Spring Framework 7 leaves it out when
 * none was set, so {@code about:blank} (RFC 9457's default, said out loud) is filled in for
 * Gatehouse's handlers and for Spring Boot's problem details alike. Other paths are left alone.
 */
@ControllerAdvice
class ProblemTypeAdvice implements ResponseBodyAdvice<Object> {

	private static final URI BLANK = URI.create("about:blank");

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem && problem.getType() == null
				&& request instanceof ServletServerHttpRequest servlet && ApiRequests.isApi(servlet.getServletRequest())) {
			problem.setType(BLANK);
		}
		return body;
	}
}
