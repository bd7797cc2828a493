package org.gatehouse.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes each {@link SecurityEvent} to the {@link AuditSink} with the IP address and user agent
 * of the current request, if any. A failing write is logged and never fails the action.
 */
class SecurityEventRecorder {

	private static final Logger log = LoggerFactory.getLogger(SecurityEventRecorder.class);

	private final AuditSink sink;

	SecurityEventRecorder(AuditSink sink) {
		this.sink = sink;
	}

	@EventListener
	void record(SecurityEvent event) {
		HttpServletRequest request = currentRequest();
		try {
			sink.write(event, request == null ? null : request.getRemoteAddr(),
					request == null ? null : request.getHeader("User-Agent"));
		}
		catch (RuntimeException ex) {
			log.error("Could not write security log entry {}: {}", event, ex.toString());
		}
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
	}
}
